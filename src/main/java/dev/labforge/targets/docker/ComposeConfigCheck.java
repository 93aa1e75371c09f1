package dev.labforge.targets.docker;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker-compose config -q} on {@code docker/compose.yaml}: Compose v1 (1.29) parses and
 * checks the file against its own schema with no Docker daemon (measured). It is the stricter
 * reader: it refuses keys the Compose Specification has since added (top-level {@code name},
 * {@code cgroup}, a per-network {@code mac_address}), which is why labforge writes none of them.
 */
final class ComposeConfigCheck implements ToolCheck {
  @Override
  public String name() {
    return "docker-compose config docker/compose.yaml";
  }

  @Override
  public List<String> requires() {
    return List.of("docker-compose");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path compose = labDir.resolve(DockerTarget.COMPOSE);
    if (!Files.isRegularFile(compose)) {
      return problems;
    }
    Tools.Run run = tools.run(compose.getParent(), Map.of(), 60, "docker-compose", "-f", compose.toString(),
        "config", "-q");
    if (!run.ok()) {
      problems.add(DockerTarget.COMPOSE + ": docker-compose config: exit " + run.exitCode() + "\n"
          + run.output().strip());
    }
    return problems;
  }
}
