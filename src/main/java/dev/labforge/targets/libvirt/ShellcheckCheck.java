package dev.labforge.targets.libvirt;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code shellcheck} on libvirt/lab.sh and virt-install.sh: the learner reads and runs them. */
final class ShellcheckCheck implements ToolCheck {
  static final List<String> SCRIPTS = List.of("lab.sh", "virt-install.sh");

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
    Path dir = labDir.resolve(LibvirtTarget.DIR);
    for (String script : SCRIPTS) {
      if (Files.isRegularFile(dir.resolve(script))) {
        Tools.Run run = tools.run(dir, Map.of(), 60, "shellcheck", script);
        if (!run.ok()) {
          problems.add(LibvirtTarget.DIR + script + ": shellcheck:\n" + run.output().strip());
        }
      }
    }
    return problems;
  }
}
