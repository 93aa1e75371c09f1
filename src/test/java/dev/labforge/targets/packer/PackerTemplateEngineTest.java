package dev.labforge.targets.packer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.Escape;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packer renders every provisioner string with its Go template engine before the shell sees it,
 * so spec text must never stand in such a string. Proven with Packer itself: a {@code null}
 * source replays every shell provisioner of the generated template as {@code shell-local}, whose
 * {@code execute_command} copies the script Packer made, and that script is compared byte for
 * byte with what the spec says the guest runs.
 */
class PackerTemplateEngineTest {
  static final List<String> CORPUS = List.of("{{", "}}", "{{\"{{\"}}", "docker ps --format '{{.ID}}'",
      "echo {{ user `x` }}", "echo {{ build `ID` }} {{ .Vars }} {{.Path}}", "echo `id` \"`uname`\"",
      "printf '%s\\n' '{{ env \"HOME\" }}'", "echo ${var.x} %{ if true }y%{ endif } $${a}", "echo '}}{{'",
      "echo {{{{ }}}}", "echo 'tab\there' é✓😀");

  @TempDir
  Path tmp;

  @Test
  void packerHandsEveryGeneratedShellStringToTheGuestUnchanged() throws Exception {
    RealTools.require("packer");
    List<RenderedFile> files = PackerStringsPropertyTest.render(CORPUS, "{{.ID}} `x`\n");
    for (RenderedFile f : files) {
      Path p = tmp.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.content());
    }
    JsonNode template = Trees.read(Trees.file(files, "packer/img.pkr.hcl").orElseThrow());
    List<JsonNode> shells = Trees.shells(template);
    StringBuilder replay = new StringBuilder("source \"null\" \"replay\" {\n  communicator = \"none\"\n}\n\n")
        .append("build {\n  sources = [\"source.null.replay\"]\n");
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < shells.size(); i++) {
      JsonNode shell = shells.get(i);
      replay.append("  provisioner \"shell-local\" {\n");
      if (shell.has("inline")) {
        List<String> lines = Trees.literals(shell.get("inline"));
        replay.append("    inline = [").append(String.join(", ", lines.stream().map(Escape::hcl).toList()))
            .append("]\n");
        expected.add(Provisioners.script(lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        String script = shell.get("script").asText();
        assertThat(script).startsWith("${path.root}/").doesNotContain("\"", "{{");
        replay.append("    script = \"").append(script).append("\"\n");
        expected.add(Files.readAllBytes(tmp.resolve("packer").resolve(script.substring("${path.root}/".length()))));
      }
      replay.append("    execute_command = [\"/bin/sh\", \"-c\", \"cp {{.Script}} ")
          .append(tmp.resolve("replayed-" + i + ".sh")).append("\"]\n  }\n");
    }
    replay.append("}\n");
    Files.writeString(tmp.resolve("packer/replay.pkr.hcl"), replay);

    Tools.Run run = Tools.system().run(tmp.resolve("packer"), Map.of(), 300, "packer", "build", "-color=false",
        "replay.pkr.hcl");
    assertThat(run.ok()).as(run.output()).isTrue();
    for (int i = 0; i < shells.size(); i++) {
      assertThat(tmp.resolve("replayed-" + i + ".sh")).as("shell provisioner %d", i).hasBinaryContent(expected.get(i));
    }
    // and what was replayed is what the spec says: every command, verbatim, in spec order
    String commands = Files.readString(tmp.resolve("replayed-0.sh"));
    assertThat(commands).endsWith("\n" + String.join("\n", CORPUS) + "\n");
  }

  /** No string labforge writes into a Packer template holds "{{" unless it is one of its own templates. */
  @Test
  void noGeneratedStringOutsideLabforgesOwnTemplatesOpensAGoTemplateAction() throws Exception {
    List<RenderedFile> files = PackerStringsPropertyTest.render(CORPUS, "x");
    String text = Trees.file(files, "packer/img.pkr.hcl").orElseThrow().text();
    List<String> opening = text.lines().filter(l -> l.contains("{{")).map(String::strip).toList();
    assertThat(opening).allSatisfy(line -> assertThat(line).matches(
        "execute_command = \".*\\{\\{ \\.(Path|Vars) }}.*\"|output += \"\\$\\{var\\.output_directory}/\\{\\{ \\.BuildName }}.*\""));
  }
}
