package dev.labforge.targets.vagrant;

import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code ruby -c} on Ruby text; used at render time (when ruby is on PATH) and by {@code labforge check}. */
public final class RubySyntax {
  private RubySyntax() {}

  /** Empty when ruby accepts the file, else ruby's message. */
  public static Optional<String> problem(Tools tools, Path file) throws IOException, InterruptedException {
    Tools.Run run = tools.run(file.toAbsolutePath().getParent(), Map.of(), 30, "ruby", "-c", file.toAbsolutePath().toString());
    return run.ok() ? Optional.empty() : Optional.of(run.output().strip());
  }

  /** Checks {@code text} in a temporary file; empty when ruby is absent (the check is skipped). */
  public static Optional<String> problemIn(Tools tools, String text) throws IOException, InterruptedException {
    if (!tools.has("ruby")) {
      return Optional.empty();
    }
    Path dir = Files.createTempDirectory("labforge-ruby-");
    Path file = dir.resolve("Vagrantfile");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return problem(tools, file);
    } finally {
      Tools.deleteTree(dir);
    }
  }
}
