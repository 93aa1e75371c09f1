package dev.labforge.targets.lxd;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shellcheck} on {@code lxd/lab.sh}. The preseed itself needs a running LXD daemon to be
 * applied; its own schema is checked at generation, and the boot proof applies it for real.
 */
final class LabScriptCheck implements ToolCheck {
  @Override
  public String name() {
    return "shellcheck lxd/lab.sh";
  }

  @Override
  public List<String> requires() {
    return List.of("shellcheck");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path script = labDir.resolve(LxdTarget.LAB_SH);
    if (!Files.isRegularFile(script)) {
      return problems;
    }
    Tools.Run run = tools.run(labDir, Map.of(), 60, "shellcheck", "-s", "bash", script.toString());
    if (!run.ok()) {
      problems.add(LxdTarget.LAB_SH + ": shellcheck: exit " + run.exitCode() + "\n" + run.output().strip());
    }
    return problems;
  }
}
