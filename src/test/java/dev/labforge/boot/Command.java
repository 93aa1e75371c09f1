package dev.labforge.boot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host command to completion with a time limit. stdout is kept as bytes apart from stderr,
 * because debugfs writes file contents to stdout and its banner to stderr.
 */
record Command(int exitCode, byte[] stdout, String stderr) {

  static Command run(long timeoutSeconds, List<String> argv) {
    return run(timeoutSeconds, argv, Map.of());
  }

  static Command run(long timeoutSeconds, List<String> argv, Map<String, String> env) {
    return run(timeoutSeconds, argv, env, Path.of("."));
  }

  static Command run(long timeoutSeconds, List<String> argv, Map<String, String> env, Path dir) {
    try {
      Path err = Files.createTempFile("labforge-cmd", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(err.toFile())
            .directory(dir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> out[0] = readAll(process));
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          // Only the process we started, by its handle; never by name.
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          throw new AssertionError(argv + " timed out after " + timeoutSeconds + " s");
        }
        reader.join();
        return new Command(process.exitValue(), out[0], Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + argv, e);
    }
  }

  static Command run(long timeoutSeconds, String... argv) {
    return run(timeoutSeconds, List.of(argv));
  }

  /** Runs and fails the test with both streams when the exit code is not 0. */
  static Command ok(long timeoutSeconds, String... argv) {
    Command c = run(timeoutSeconds, argv);
    if (c.exitCode != 0) {
      throw new AssertionError(String.join(" ", argv) + " exited " + c.exitCode + ":\n" + c.text() + c.stderr);
    }
    return c;
  }

  String text() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  private static byte[] readAll(Process process) {
    try {
      return process.getInputStream().readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
