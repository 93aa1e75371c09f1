package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gen} killed at every step of the swap (a halted JVM, injected at the step, not timed):
 * the user's files are never lost, and the next run restores the tree, removes what the killed
 * run left beside it, and ends with exactly the tree an uninterrupted run writes.
 */
class TreeWriterCrashTest {
  /** A small spec: the child JVM's start and render are most of each case's time. */
  static final Path SPEC = Path.of("src/test/resources/specs/terraform-closed.yaml");

  @TempDir
  Path tmp;

  static List<String> steps() {
    return TreeWriter.STEPS;
  }

  @ParameterizedTest
  @MethodSource("steps")
  void killedAtEveryStepTheNextRunRecoversAndNoUserFileIsLost(String step) throws Exception {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("tf-closed");
    String spec = SPEC.toString();
    assertThat(Cli.run("gen", spec, "-o", out.toString()).code()).isZero();
    Path state = lab.resolve("terraform/openstack/terraform.tfstate");
    Files.writeString(state, "{\"serial\": 42}");
    Files.createDirectories(lab.resolve("vagrant/.vagrant/machines"));
    Files.writeString(lab.resolve("vagrant/.vagrant/machines/id"), "abc");
    byte[] manifest = Files.readAllBytes(lab.resolve(Manifest.PATH));

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), CrashingGen.class.getName(), step,
        "gen", spec, "-o", out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isEqualTo(CrashingGen.KILLED);
    assertThat(findAll(out, "terraform.tfstate")).as("after a kill at %s the state file is somewhere", step)
        .isNotEmpty();

    Cli.Result again = Cli.run("gen", spec, "-o", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(state).hasContent("{\"serial\": 42}");
    assertThat(lab.resolve("vagrant/.vagrant/machines/id")).hasContent("abc");
    assertThat(lab.resolve(Manifest.PATH)).hasBinaryContent(manifest);
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly(".tf-closed.lock", "tf-closed");
    }
    assertThat(Cli.run("gen", spec, "--check", "-o", out.toString()).code()).isZero();
  }

  private static List<Path> findAll(Path root, String name) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.getFileName().toString().equals(name)).forEach(found::add);
    }
    return found;
  }
}
