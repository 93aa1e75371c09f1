package dev.labforge.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shellcheck} on a target's {@code lab.sh}, for the targets whose other files have checks of
 * their own (LXD's preseed its schema and the boot proof; LXC's configs LXC's parser; Docker's
 * compose file docker-compose). Every lab.sh includes the shared library, so this also checks the
 * library as each script uses it.
 */
public final class LabScriptCheck implements ToolCheck {
  private final String script;

  /** {@code script}: the lab.sh path relative to {@code out/<lab>/}, e.g. "lxd/lab.sh". */
  public LabScriptCheck(String script) {
    this.script = script;
  }

  @Override
  public String name() {
    return "shellcheck " + script;
  }

  @Override
  public List<String> requires() {
    return List.of("shellcheck");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path file = labDir.resolve(script);
    if (!Files.isRegularFile(file)) {
      return problems;
    }
    Tools.Run run = tools.run(labDir, Map.of(), 60, "shellcheck", "-s", "bash", file.toString());
    if (!run.ok()) {
      problems.add(script + ": shellcheck: exit " + run.exitCode() + "\n" + run.output().strip());
    }
    return problems;
  }
}
