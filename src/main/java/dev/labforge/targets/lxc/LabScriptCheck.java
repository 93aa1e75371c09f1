package dev.labforge.targets.lxc;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code shellcheck} on {@code lxc/lab.sh}; the configs have their own check (LXC's parser). */
final class LabScriptCheck implements ToolCheck {
  @Override
  public String name() {
    return "shellcheck lxc/lab.sh";
  }

  @Override
  public List<String> requires() {
    return List.of("shellcheck");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path script = labDir.resolve(LxcTarget.LAB_SH);
    if (!Files.isRegularFile(script)) {
      return problems;
    }
    Tools.Run run = tools.run(labDir, Map.of(), 60, "shellcheck", "-s", "bash", script.toString());
    if (!run.ok()) {
      problems.add(LxcTarget.LAB_SH + ": shellcheck: exit " + run.exitCode() + "\n" + run.output().strip());
    }
    return problems;
  }
}
