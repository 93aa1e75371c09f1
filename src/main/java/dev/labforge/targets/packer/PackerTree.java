package dev.labforge.targets.packer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Packer templates of a lab folder, and what the installed Packer understands of them. */
final class PackerTree {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private PackerTree() {}

  static List<Path> list(Path labDir) throws IOException {
    Path dir = labDir.resolve("packer");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".pkr.hcl")).sorted().toList();
    }
  }

  /** {@code [major, minor, patch]} from {@code packer version} ("Packer v1.6.6"). */
  static int[] version(String output) {
    Matcher m = VERSION.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("cannot read a version from 'packer version': " + output.strip());
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  /** Packer learned {@code required_plugins} (and {@code packer init}) in 1.7. */
  static boolean knowsRequiredPlugins(int[] version) {
    return version[0] > 1 || version[0] == 1 && version[1] >= 7;
  }

  /**
   * The template without its top-level {@code packer { ... }} block, for Packers older than 1.7:
   * they reject required_plugins, and its required_version (1.7) would refuse them anyway.
   */
  static String withoutPackerBlock(String text) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf("packer {");
    if (start < 0) {
      return text;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).equals("}")) {
      end++;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i < start || i > end) {
        out.append(lines.get(i)).append('\n');
      }
    }
    return out.toString();
  }
}
