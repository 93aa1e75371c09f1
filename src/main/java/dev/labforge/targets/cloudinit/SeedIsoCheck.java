package dev.labforge.targets.cloudinit;

import dev.labforge.targets.cloudinit.iso.IsoImage;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * xorriso extracts each seed image; it must hold exactly the files of its folder, byte for byte,
 * under their real (Rock Ridge) names, and its primary volume id must be the upper-cased label.
 */
public final class SeedIsoCheck implements ToolCheck {
  @Override
  public String name() {
    return "xorriso seed images";
  }

  @Override
  public List<String> requires() {
    return List.of("xorriso");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path machine : SeedFolders.of(labDir)) {
      for (SeedImages image : SeedImages.of(machine)) {
        problems.addAll(check(labDir, image, tools));
      }
    }
    return problems;
  }

  static List<String> check(Path labDir, SeedImages image, Tools tools) throws Exception {
    String name = labDir.relativize(image.iso()).toString();
    if (!Files.isRegularFile(image.iso())) {
      return List.of(name + ": missing");
    }
    List<String> problems = new ArrayList<>();
    Path out = Files.createTempDirectory("labforge-iso");
    try {
      Path target = out.resolve("x");
      Tools.Run run = tools.run(out, Map.of(), 120, "xorriso", "-osirrox", "on", "-indev", image.iso().toString(),
          "-pvd_info", "-extract", "/", target.toString());
      if (!run.ok()) {
        return List.of(name + ": xorriso failed: " + run.output().strip());
      }
      String volumeId = IsoImage.primaryLabel(image.label());
      if (!run.output().contains("Volume Id    : " + volumeId + "\n")) {
        problems.add(name + ": primary volume id is not " + volumeId);
      }
      TreeSet<String> found = new TreeSet<>();
      try (Stream<Path> walk = Files.walk(target)) {
        walk.filter(Files::isRegularFile).forEach(p -> found.add(target.relativize(p).toString()));
      }
      if (!found.equals(new TreeSet<>(image.files()))) {
        problems.add(name + ": holds " + found + ", expected " + image.files());
      }
      for (String file : image.files()) {
        Path extracted = target.resolve(file);
        Path original = image.folder().resolve(file);
        if (Files.isRegularFile(extracted) && Files.isRegularFile(original)
            && !Arrays.equals(Files.readAllBytes(extracted), Files.readAllBytes(original))) {
          problems.add(name + ": " + file + " differs from " + labDir.relativize(original));
        }
      }
    } finally {
      Tools.deleteTree(out);
    }
    return problems;
  }
}
