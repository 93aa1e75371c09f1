package dev.labforge.cli;

import dev.labforge.render.Escape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The comment block {@code init} puts at the top of a copied example: the example's own lines
 * about the lab, then the commands for the user's copy, at the path the user gave.
 */
final class SpecHeader {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./+:@%=,-]+");

  private SpecHeader() {}

  static byte[] of(String example, Path written, byte[] spec) {
    List<String> lines = new ArrayList<>(new String(spec, StandardCharsets.UTF_8).lines().toList());
    List<String> about = new ArrayList<>();
    while (!lines.isEmpty() && lines.get(0).startsWith("#")) {
      String line = lines.remove(0);
      if (!line.contains("labforge ")) {
        about.add(line);
      }
    }
    String path = word(written.toString());
    StringBuilder out = new StringBuilder();
    about.forEach(l -> out.append(l).append('\n'));
    out.append("# Your copy of labforge's example ").append(example).append(", written by labforge init:\n")
        .append("#   labforge validate ").append(path).append('\n')
        .append("#   labforge show ").append(path).append('\n')
        .append("#   labforge gen ").append(path).append(" -o out\n");
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A path as one shell word: as it is when that is safe, else single-quoted. */
  static String word(String path) {
    return SAFE.matcher(path).matches() ? path : Escape.sh(path);
  }
}
