package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's file is kept whatever bytes its name holds. A Linux file name is bytes, and Java's
 * {@code Path.toString()} decodes them lossily (0xff and 0xfe both become U+FFFD; under the C locale
 * even UTF-8 "é" becomes "??"), so the writer carries user files by {@code Path}, never by name
 * text: two such files stay two, each with its own bytes. The names are made and read by a shell.
 */
class UserFileNamesTest {
  static final Path SPEC = Path.of("src/test/resources/specs/terraform-closed.yaml");
  /** Each file: a name in printf(1) escapes, relative to the lab folder, and its content. */
  static final Map<String, String> FILES = Map.of(
      "\\377", "ff",
      "\\376", "fe",
      "vagrant/.vagrant/\\377\\376/id", "deep",
      "terraform/openstack/\\303\\251t\\303\\251.tfstate", "utf-8");

  @TempDir
  Path tmp;

  @Test
  void twoFilesWhoseNamesAreNotUtf8SurviveGenInEveryLocale() throws Exception {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("tf-closed");
    assertThat(Cli.run("gen", "-q", SPEC.toString(), "-o", out.toString()).code()).isZero();
    create(lab);

    Cli.Result again = Cli.run("gen", "-q", SPEC.toString(), "-o", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(read(lab)).isEqualTo(expected());

    // a JVM whose file names are ASCII (no locale at all): the same
    Process p = java(List.of("gen", "-q", SPEC.toString(), "-o", out.toString()), null);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
    assertThat(read(lab)).isEqualTo(expected());
  }

  static List<String> steps() {
    return TreeWriter.STEPS;
  }

  @ParameterizedTest
  @MethodSource("steps")
  void killedAtEveryStepTheNextRunStillHasEveryFileWithItsBytes(String step) throws Exception {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("tf-closed");
    assertThat(Cli.run("gen", "-q", SPEC.toString(), "-o", out.toString()).code()).isZero();
    create(lab);
    Process p = java(List.of("gen", "-q", SPEC.toString(), "-o", out.toString()), step);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isEqualTo(CrashingGen.KILLED);

    Cli.Result again = Cli.run("gen", "-q", SPEC.toString(), "-o", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(read(lab)).isEqualTo(expected());
  }

  private static String expected() {
    return String.join("", FILES.keySet().stream().sorted().map(k -> k + "=" + FILES.get(k) + "\n").toList());
  }

  private static void create(Path lab) throws Exception {
    StringBuilder script = new StringBuilder("cd \"$1\" || exit 1\n");
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      script.append("f=$(printf '").append(f.getKey()).append("')\n")
          .append("mkdir -p \"$(dirname \"$f\")\" && printf '").append(f.getValue()).append("' > \"$f\" || exit 1\n");
    }
    assertThat(sh(script.toString(), lab)).isEmpty();
  }

  /** Each file's content as the shell reads it by its byte name, "missing" when there is none. */
  private static String read(Path lab) throws Exception {
    StringBuilder script = new StringBuilder("cd \"$1\" || exit 1\n");
    for (String name : FILES.keySet().stream().sorted().toList()) {
      script.append("printf '%s=' '").append(name).append("'; f=$(printf '").append(name).append("')\n")
          .append("if [ -f \"$f\" ]; then cat \"$f\"; else printf missing; fi; echo\n");
    }
    return sh(script.toString(), lab);
  }

  private static String sh(String script, Path dir) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script, "sh", dir.toString()).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }

  /** labforge in a child JVM with no locale (file names decoded as ASCII), killed at {@code step} if not null. */
  private Process java(List<String> args, String step) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    if (step == null) {
      command.add(dev.labforge.cli.Main.class.getName());
    } else {
      command.addAll(List.of(CrashingGen.class.getName(), step));
    }
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
    return builder.start();
  }
}
