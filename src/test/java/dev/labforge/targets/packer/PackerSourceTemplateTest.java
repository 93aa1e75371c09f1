package dev.labforge.targets.packer;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.cli.Cli;
import dev.labforge.render.Escape;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's source URL and checksum are the spec text that reaches fields Packer renders with its
 * Go template engine ({@code iso_url}, {@code iso_checksum}), through a variable too. Proven with
 * Packer 1.6.6 itself: a template action there is evaluated, so labforge refuses "{{" in both; and
 * every value labforge accepts, braces included, reaches the builder unchanged (the qemu builder's
 * download error and the checksum download error print the value it acted on).
 */
class PackerSourceTemplateTest {
  /** Values without "{{" that a template engine could still trip on; no %, ?, # (URL syntax) or space. */
  static final List<String> ACCEPTED = List.of("a}}b", "{", "x{", "}x{", "{_{", "}}}}{", "{.Name}", "${var.x}",
      "$${a}", "'{'", "`uname`", "{-{", "}{}{}", "é✓");

  @TempDir
  Path tmp;

  @Test
  void packerRendersIsoUrlAndChecksumEvenFromAVariable() throws Exception {
    RealTools.require("packer");
    Path dir = write(render("file://" + tmp.resolve("image.qcow2"), "none"));
    for (String variable : List.of("iso_url", "iso_checksum")) {
      String value = variable.equals("iso_url") ? "file://" + tmp + "/{{nosuchfunc}}" : "file:" + tmp + "/{{nosuchfunc}}";
      Tools.Run run = packer(dir, "validate", "-var", variable + "=" + value, "img.pkr.hcl");
      assertThat(run.ok()).as(run.output()).isFalse();
      assertThat(run.output()).contains("invalid '" + variable + "': template: root:1: function \"nosuchfunc\" not defined");
    }
  }

  @Test
  void labforgeRefusesATemplateActionInTheSourceWithItsPlace() throws Exception {
    Path spec = tmp.resolve("lab.yaml");
    Files.writeString(spec, "version: 1\nname: t\nimages:\n  img:\n    os: debian\n    release: \"12\"\n"
        + "    source: {url: \"https://example.org/{{.Name}}.qcow2\", format: qcow2, checksum: \"file:{{uuid}}\"}\n"
        + "networks: [{name: n, cidr: 10.9.0.0/24}]\nmachines: [{name: m, image: img}]\n");
    Cli.Result r = Cli.run("gen", spec.toString(), "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(1);
    String message = "Packer reads \"{{\" as the start of a Go template and would change this value; write { as %7B";
    assertThat(r.err()).isEqualTo(spec + ":7:19: error: /images/img/source/url: " + message + "\n"
        + "    source: {url: \"https://example.org/{{.Name}}.qcow2\", format: qcow2, checksum: \"file:{{uuid}}\"}\n"
        + "                  ^\n"
        + spec + ":7:83: error: /images/img/source/checksum: " + message + "\n"
        + "    source: {url: \"https://example.org/{{.Name}}.qcow2\", format: qcow2, checksum: \"file:{{uuid}}\"}\n"
        + "                                                                                  ^\n"
        + "2 errors\n");
  }

  @Test
  void everyAcceptedUrlAndChecksumReachesTheBuilderUnchanged() throws Exception {
    RealTools.require("packer");
    for (String value : ACCEPTED) {
      String url = "file://" + tmp.resolve("missing") + "/" + value;
      String checksum = "file:" + tmp.resolve("sums") + "/" + value;
      Path dir = write(render(url, checksum));
      Tools.Run build = packer(dir, "build", "-color=false", "-only=img.qemu.img", "-var", "iso_checksum=none",
          "-var", "ssh_password=Pw-0-not-in-values", "img.pkr.hcl");
      assertThat(build.output()).as(value).contains("source path error: stat " + tmp.resolve("missing") + "/" + value
          + ": no such file or directory");
      Tools.Run validate = packer(dir, "validate", "-var", "ssh_password=Pw-0-not-in-values", "img.pkr.hcl");
      assertThat(validate.output()).as(value).contains("Error downloading checksum file: source path error: stat "
          + tmp.resolve("sums") + "/" + value + ": no such file or directory in \"" + checksum + "\"");
    }
  }

  private static List<RenderedFile> render(String url, String checksum) throws Exception {
    String json = "{\"version\": 1, \"name\": \"t\", \"images\": {\"img\": {\"os\": \"debian\", \"release\": \"12\","
        + " \"source\": {\"url\": " + Escape.json(url) + ", \"format\": \"qcow2\", \"checksum\": " + Escape.json(checksum)
        + "}}}, \"networks\": [{\"name\": \"n\", \"cidr\": \"10.9.0.0/24\"}], \"machines\": [{\"name\": \"m\","
        + " \"image\": \"img\"}]}";
    SpecInput input = new SpecInput("t.json", json.getBytes(StandardCharsets.UTF_8), Path.of("."));
    return Rendered.of(new PackerTarget(), Rendered.load(input), new TemplateRenderer());
  }

  /** The files under packer/, the template without its packer {} block (1.6.6 predates required_plugins). */
  private Path write(List<RenderedFile> files) throws Exception {
    Path root = tmp.resolve("lab");
    if (Files.exists(root)) {
      dev.labforge.targets.Tools.deleteTree(root);
    }
    for (RenderedFile f : files) {
      Path p = root.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.path().endsWith(".pkr.hcl")
          ? PackerTree.withoutPackerBlock(f.text()).getBytes(StandardCharsets.UTF_8) : f.content());
    }
    return root.resolve("packer");
  }

  private static Tools.Run packer(Path dir, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "packer";
    System.arraycopy(args, 0, command, 1, args.length);
    return Tools.system().run(dir, Map.of("CHECKPOINT_DISABLE", "1"), 120, command);
  }
}
