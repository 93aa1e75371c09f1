package dev.labforge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bytes of a spec, the name errors show for it, and the folder its relative paths use. */
public record SpecInput(String name, byte[] bytes, Path dir) {
  public static final String DEFAULT_EXAMPLE = "lpic3-353";
  public static final List<String> EXAMPLES = List.of("lpic3-351", "lpic3-352", "lpic3-353", "router");

  public static SpecInput file(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    return new SpecInput(path.toString(), Files.readAllBytes(path), absolute.getParent());
  }

  /** A built-in example, read from the jar; its scripts resolve from the jar too. */
  public static SpecInput example(String name) throws IOException {
    String resource = "examples/" + name + ".yaml";
    try (InputStream in = SpecInput.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no built-in example named " + name);
      }
      return new SpecInput(name + ".yaml", in.readAllBytes(), null);
    }
  }
}
