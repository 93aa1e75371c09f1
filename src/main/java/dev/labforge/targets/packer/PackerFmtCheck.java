package dev.labforge.targets.packer;

import dev.labforge.targets.Tools;
import dev.labforge.targets.ToolCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code packer fmt -check}: every template is already in canonical form (exit 3 means it is not). */
final class PackerFmtCheck implements ToolCheck {

  @Override
  public String name() {
    return "packer fmt -check";
  }

  @Override
  public List<String> requires() {
    return List.of("packer");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path template : PackerTree.list(labDir)) {
      Tools.Run run = tools.run(template.getParent(), Map.of(), 60, "packer", "fmt", "-check", "-diff",
          template.getFileName().toString());
      if (!run.ok()) {
        problems.add(labDir.relativize(template) + ": " + (run.exitCode() == 3 ? "not in canonical form:\n" : "")
            + run.output().strip());
      }
    }
    return problems;
  }
}
