package dev.labforge.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated .pkr.hcl as packer 1.6.6 needs it. The one change is dropping the top-level
 * {@code packer {}} block: 1.6.6 rejects {@code required_plugins} (see consumers.md). labforge
 * writes that block in canonical layout, so it ends at the first line that is exactly "}".
 */
record PackerTemplate(Path file, String text) {
  private static final Pattern VARIABLE = Pattern.compile("(?m)^variable \"([^\"]+)\"");
  private static final Pattern QEMU_SOURCE = Pattern.compile("(?m)^source \"qemu\" \"([^\"]+)\"");
  private static final Pattern BUILD_NAME = Pattern.compile("(?m)^build \\{\\s*\\n\\s*name\\s*=\\s*\"([^\"]+)\"");

  static PackerTemplate read(Path file) throws IOException {
    return new PackerTemplate(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  List<String> variables() {
    return all(VARIABLE);
  }

  List<String> qemuSources() {
    return all(QEMU_SOURCE);
  }

  /** The build block's name, which prefixes source names in -only (e.g. debian-12.qemu.debian-12). */
  String buildName() {
    Matcher m = BUILD_NAME.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /** Writes the 1.6.6 copy next to the original, so that ${path.root} still names the same folder. */
  Path writeFor166() throws IOException {
    List<String> kept = new ArrayList<>();
    boolean inPackerBlock = false;
    for (String line : text.split("\n", -1)) {
      if (!inPackerBlock && line.startsWith("packer {")) {
        inPackerBlock = true;
      } else if (inPackerBlock) {
        inPackerBlock = !line.equals("}");
      } else {
        kept.add(line);
      }
    }
    String name = file.getFileName().toString().replace(".pkr.hcl", ".packer-1.6.pkr.hcl");
    Path copy = file.resolveSibling(name);
    Files.writeString(copy, String.join("\n", kept), StandardCharsets.UTF_8);
    return copy;
  }

  private List<String> all(Pattern p) {
    List<String> names = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
