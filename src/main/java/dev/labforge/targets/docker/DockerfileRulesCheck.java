package dev.labforge.targets.docker;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@link DockerfileRules} on every {@code docker/<image>/Dockerfile}: no tool needed, so it always runs. */
final class DockerfileRulesCheck implements ToolCheck {
  @Override
  public String name() {
    return "Dockerfile rules (hadolint's DL3006, DL3009, DL3014, DL3015, DL3020, DL3025, ...)";
  }

  @Override
  public List<String> requires() {
    return List.of();
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path docker = labDir.resolve(DockerTarget.ID);
    if (!Files.isDirectory(docker)) {
      return problems;
    }
    List<Path> dockerfiles;
    try (Stream<Path> dirs = Files.list(docker)) {
      dockerfiles = dirs.map(d -> d.resolve(DockerTarget.DOCKERFILE)).filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : dockerfiles) {
      String name = labDir.relativize(file).toString().replace('\\', '/');
      for (String p : DockerfileRules.check(Files.readString(file, StandardCharsets.UTF_8))) {
        problems.add(name + ": " + p);
      }
    }
    return problems;
  }
}
