package dev.labforge.output;

import dev.labforge.targets.Tools;
import dev.labforge.targets.ToolCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Ids;
import dev.labforge.output.Manifest;
import dev.labforge.output.OutputPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every file the manifest lists is present, unmodified and inside the lab folder. */
public final class ManifestCheck implements ToolCheck {

  @Override
  public String name() {
    return "manifest sha256";
  }

  @Override
  public List<String> requires() {
    return List.of();
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    Path manifest = labDir.resolve(Manifest.PATH);
    if (!Files.isRegularFile(manifest)) {
      problems.add(Manifest.PATH + ": missing; is this a folder labforge generated?");
      return problems;
    }
    JsonNode root = new ObjectMapper().readTree(manifest.toFile());
    for (JsonNode entry : root.path("files")) {
      String path = entry.path("path").asText();
      if (OutputPaths.problem(path) != null) {
        problems.add(path + ": not a safe relative path");
        continue;
      }
      Path file = labDir.resolve(path);
      if (!Files.isRegularFile(file)) {
        problems.add(path + ": listed in the manifest but missing");
      } else if (!Ids.sha256Hex(Files.readAllBytes(file)).equals(entry.path("sha256").asText())) {
        problems.add(path + ": changed since labforge wrote it (sha256 differs)");
      }
    }
    return problems;
  }
}
