package dev.labforge;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import dev.labforge.output.Manifest;
import dev.labforge.render.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gen} spools its big files (the preseed, the Vagrantfile, the manifest of an 800-machine lab)
 * to disk while it checks them: the tree holds exactly the bytes of a rendering held in memory, and
 * no spooled file is left behind, on a first run or a repeated one.
 */
class SpooledGenTest {
  @Test
  void theTreeHoldsTheBytesOfARenderingInMemory(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("scale.yaml");
    Files.writeString(spec, ScaleTest.spec(4, 200));
    Path out = dir.resolve("out");
    Cli.Result result = Cli.run("gen", "-q", spec.toString(), "-o", out.toString());
    assertThat(result.code()).as(result.err()).isZero();
    Path lab = out.resolve("scale");

    SpecInput input = SpecInput.file(spec);
    List<RenderedFile> held = Rendered.all(Rendered.load(input), input, List.of());
    assertThat(held.stream().filter(f -> f.size() > dev.labforge.render.SpoolTestAccess.inMemoryLimit())
        .map(RenderedFile::path)).contains("lxd/preseed.yaml", "vagrant/Vagrantfile", "manifest.json");
    List<String> differing = new ArrayList<>();
    for (RenderedFile file : held) {
      if (!java.util.Arrays.equals(Files.readAllBytes(lab.resolve(file.path())), file.content())) {
        differing.add(file.path());
      }
    }
    assertThat(differing).isEmpty();
    assertThat(files(lab)).hasSize(held.size());

    Object preseed = Files.getAttribute(lab.resolve("lxd/preseed.yaml"), "unix:ino");
    Cli.Result again = Cli.run("gen", "-q", spec.toString(), "-o", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    // an unchanged big file is the previous one, linked: its spooled copy is dropped
    assertThat(Files.getAttribute(lab.resolve("lxd/preseed.yaml"), "unix:ino")).isEqualTo(preseed);
    assertThat(files(lab)).hasSize(held.size());
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("scale", ".scale.lock");
    }
    assertThat(lab.resolve(".spool")).doesNotExist();

    // -t replaces one target's files and keeps the others': the manifest (7,000 entries, spooled) is
    // merged with the kept files' entries, and the spooled one is dropped
    Cli.Result one = Cli.run("gen", "-q", "-t", "cloud-init", spec.toString(), "-o", out.toString());
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(Manifest.paths(lab.resolve("manifest.json"))).hasSize(held.size());
    assertThat(lab.resolve(".spool")).doesNotExist();
    assertThat(files(lab)).hasSize(held.size());

    // gen --check compares each file as it is made, and drops it
    Cli.Result check = Cli.run("gen", "--check", spec.toString(), "-o", out.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).isEqualTo(lab + ": up to date (" + held.size() + " files)\n");
    Files.writeString(lab.resolve("lxd/preseed.yaml"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
    Files.delete(lab.resolve("xen/node2-7.cfg"));
    Files.writeString(lab.resolve("xen/old.cfg"), "x"); // the user's own file: not gen's business
    Cli.Result stale = Cli.run("gen", "--check", spec.toString(), "-o", out.toString());
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.err()).endsWith("1 warning\n" + lab.resolve("lxd/preseed.yaml") + ": changed\n"
        + lab.resolve("xen/node2-7.cfg") + ": missing\n" + "2 files out of date; run labforge gen to update " + lab + "\n");
  }

  private static List<Path> files(Path lab) throws Exception {
    try (Stream<Path> walk = Files.walk(lab)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
