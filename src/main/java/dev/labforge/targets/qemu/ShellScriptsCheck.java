package dev.labforge.targets.qemu;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code shellcheck} on qemu/lab.sh and every launcher: the learner reads and runs them. */
final class ShellScriptsCheck implements ToolCheck {
  @Override
  public String name() {
    return "shellcheck";
  }

  @Override
  public List<String> requires() {
    return List.of("shellcheck");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path dir = labDir.resolve(QemuTarget.DIR);
    for (String script : scripts(dir)) {
      Tools.Run run = tools.run(dir, Map.of(), 60, "shellcheck", script);
      if (!run.ok()) {
        problems.add(QemuTarget.DIR + script + ": shellcheck:\n" + run.output().strip());
      }
    }
    return problems;
  }

  /** lab.sh and the launchers, by name. */
  static List<String> scripts(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh"))
          .sorted().toList();
    }
  }
}
