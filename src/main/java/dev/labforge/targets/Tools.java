package dev.labforge.targets;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds executables on PATH and runs them with a time limit, capturing their output. */
public final class Tools {
  /** What a finished process printed, both streams merged in order. */
  public record Run(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final Map<String, String> environment;

  public Tools(Map<String, String> environment) {
    this.environment = environment;
  }

  public static Tools system() {
    return new Tools(System.getenv());
  }

  public Optional<Path> find(String executable) {
    if (executable.startsWith("/")) {
      Path p = Path.of(executable);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, executable);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** An executable on PATH, or an absolute path that exists (a library a helper loads counts). */
  public boolean has(String executable) {
    if (executable.startsWith("/")) {
      return Files.exists(Path.of(executable));
    }
    return find(executable).isPresent();
  }

  public Run run(Path workDir, Map<String, String> extraEnv, long timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    builder.environment().put("VAGRANT_CHECKPOINT_DISABLE", "1");
    builder.environment().putAll(extraEnv);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    byte[][] output = new byte[1][];
    Thread reader = new Thread(() -> {
      try {
        output[0] = process.getInputStream().readAllBytes();
      } catch (IOException e) {
        output[0] = new byte[0];
      }
    });
    reader.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      reader.join(5000);
      return new Run(124, command[0] + " timed out after " + timeoutSeconds + " s");
    }
    reader.join();
    return new Run(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
  }

  /** Deletes a folder and everything below it; links are deleted, never followed. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
          throws IOException {
        Files.delete(file);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }
}
