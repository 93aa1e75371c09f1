package dev.labforge.targets.terraform;

import dev.labforge.targets.Tools;
import dev.labforge.targets.ToolCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code terraform fmt -check -diff} on terraform/openstack: exit 0 clean, 3 would reformat, 2 syntax
 * error. It is the one offline check terraform has here: {@code terraform validate} needs the
 * provider, which {@code terraform init} cannot download without the registry.
 */
final class TerraformFmtCheck implements ToolCheck {
  static final String DIR = "terraform/openstack";

  @Override
  public String name() {
    return "terraform fmt";
  }

  @Override
  public List<String> requires() {
    return List.of("terraform");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path dir = labDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    // An empty CLI config keeps a user's ~/.terraformrc (plugin caches, credentials) out of the check.
    Path config = Files.createTempFile("labforge-terraformrc", ".tfrc");
    try {
      Tools.Run run = tools.run(dir, Map.of("CHECKPOINT_DISABLE", "1", "TF_CLI_CONFIG_FILE", config.toString()),
          60, "terraform", "fmt", "-check", "-diff", "-no-color", ".");
      if (!run.ok()) {
        String what = run.exitCode() == 3 ? "files are not in canonical format" : "exit " + run.exitCode();
        problems.add(DIR + ": terraform fmt: " + what + "\n" + run.output().strip());
      }
    } finally {
      Files.deleteIfExists(config);
    }
    return problems;
  }
}
