package dev.labforge.targets.packer;

import dev.labforge.targets.Tools;
import dev.labforge.targets.ToolCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code packer validate} on a copy of the packer/ folder, so the tree itself is never touched.
 * iso_checksum is set to "none" because validate downloads a {@code file:} checksum list (a
 * network access). Packer before 1.7 knows no required_plugins: it validates copies without the
 * packer {} block, and the check's name says so. From 1.7 on, {@code packer init} runs first.
 */
final class PackerValidateCheck implements ToolCheck {
  private static final String NAME = "packer validate";
  // CheckAction prints name() after run(); it carries what this run had to adapt to.
  private String note = "";

  @Override
  public String name() {
    return NAME + note;
  }

  @Override
  public List<String> requires() {
    return List.of("packer");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    List<Path> templates = PackerTree.list(labDir);
    if (templates.isEmpty()) {
      return problems;
    }
    int[] version = PackerTree.version(tools.run(labDir, Map.of(), 30, "packer", "version").output());
    boolean modern = PackerTree.knowsRequiredPlugins(version);
    note = modern ? "" : " (packer " + version[0] + "." + version[1] + "." + version[2] + " predates required_plugins: validated copies"
        + " without the packer {} block; iso_checksum=none)";
    Path copy = Files.createTempDirectory("labforge-packer-");
    try {
      copyTree(labDir.resolve("packer"), copy);
      for (Path template : templates) {
        Path file = copy.resolve(template.getFileName());
        String text = Files.readString(file);
        if (!modern) {
          Files.writeString(file, PackerTree.withoutPackerBlock(text));
        } else {
          Tools.Run init = tools.run(copy, Map.of(), 300, "packer", "init", file.getFileName().toString());
          if (!init.ok()) {
            problems.add(labDir.relativize(template) + ": packer init failed (it fetches plugins over the network): "
                + init.output().strip());
            continue;
          }
        }
        List<String> command = new ArrayList<>(List.of("packer", "validate"));
        if (text.contains("variable \"iso_checksum\"")) {
          command.addAll(List.of("-var", "iso_checksum=none"));
        }
        command.add(file.getFileName().toString());
        Tools.Run run = tools.run(copy, Map.of(), 120, command.toArray(String[]::new));
        if (!run.ok()) {
          problems.add(labDir.relativize(template) + ": " + run.output().strip());
        }
      }
    } finally {
      Tools.deleteTree(copy);
    }
    return problems;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

}
