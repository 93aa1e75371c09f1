package dev.labforge.targets.cloudinit;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cloud-init schema -c FILE} on every user-data (user_data is checked to be the same
 * bytes by the readers check). Never {@code --annotate}: 22.4 crashes on errors in list items.
 */
public final class CloudInitSchemaCheck implements ToolCheck {
  @Override
  public String name() {
    return "cloud-init schema";
  }

  @Override
  public List<String> requires() {
    return List.of("cloud-init");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path machine : SeedFolders.of(labDir)) {
      Path userData = machine.resolve("user-data");
      if (!Files.isRegularFile(userData)) {
        problems.add(labDir.relativize(userData) + ": missing");
        continue;
      }
      Tools.Run run = tools.run(machine, Map.of("LC_ALL", "C.UTF-8"), 120, "cloud-init", "schema", "-c", userData.toString());
      if (!run.ok()) {
        problems.add(labDir.relativize(userData) + ": " + run.output().strip());
      }
    }
    return problems;
  }
}
