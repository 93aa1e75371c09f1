package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.output.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labforge check}: the same result for a relative, an absolute and the {@code .} path;
 * nothing left behind in the checked tree; and with no tool at all, "0 tool checks ran" and exit 4,
 * never a silent pass.
 */
class CheckCommandTest {
  static final Path SPEC = Path.of("src/test/resources/specs/terraform-closed.yaml");

  @TempDir
  Path tmp;

  record Run(int code, String output) {}

  private Run labforge(Path workDir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path log = Files.createTempFile(tmp, "run", ".log");
    Process p = builder.redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(log));
  }

  private Path generate() {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", SPEC.toString(), "-o", out.toString()).code()).isZero();
    return out.resolve("tf-closed");
  }

  private static TreeSet<String> tree(Path lab) throws IOException {
    TreeSet<String> paths = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(lab)) {
      walk.filter(p -> !Files.isDirectory(p)).forEach(p -> paths.add(lab.relativize(p).toString()));
    }
    return paths;
  }

  @Test
  void relativeAbsoluteAndDotGiveTheSameResultAndLeaveNothingBehind() throws Exception {
    Path lab = generate();
    TreeSet<String> before = tree(lab);
    assertThat(before).isEqualTo(new TreeSet<>(Manifest.paths(Files.readAllBytes(lab.resolve(Manifest.PATH)))));
    Path cwd = Path.of("").toAbsolutePath();
    List<Run> runs = List.of(
        labforge(cwd, Map.of(), "check", cwd.relativize(lab.toAbsolutePath()).toString()),
        labforge(cwd, Map.of(), "check", lab.toAbsolutePath().toString()),
        labforge(lab, Map.of(), "check", "."));
    for (Run run : runs) {
      assertThat(run.code()).as(run.output()).isIn(ExitCodes.OK, ExitCodes.NOTHING_CHECKED);
      assertThat(run.output()).doesNotContain("FAIL", "Traceback", "internal error");
    }
    assertThat(runs.get(1).output().replace(lab.toAbsolutePath().toString(), "LAB"))
        .isEqualTo(runs.get(0).output().replace(lab.toAbsolutePath().toString(), "LAB"));
    assertThat(tree(lab)).as("files in the tree after check").isEqualTo(before);
  }

  @Test
  void withNoToolOnPathZeroChecksRanIsExit4() throws Exception {
    Path lab = generate();
    Run run = labforge(Path.of("").toAbsolutePath(), Map.of("PATH", tmp.resolve("empty").toString()), "check",
        lab.toAbsolutePath().toString());
    assertThat(run.code()).as(run.output()).isEqualTo(ExitCodes.NOTHING_CHECKED);
    assertThat(run.output()).contains("0 tool checks ran, 0 failed").contains("labforge: 0 tool checks ran");
  }
}
