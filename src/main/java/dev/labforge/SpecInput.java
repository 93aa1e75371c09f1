package dev.labforge;

import dev.labforge.spec.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bytes of a spec, the name errors show for it, and the folder its relative paths use. */
public record SpecInput(String name, byte[] bytes, Path dir) {
  public static final String DEFAULT_EXAMPLE = "lpic3-353";
  public static final List<String> EXAMPLES = List.of("lpic3-351", "lpic3-352", "lpic3-353", "router");

  /** The name {@code -} stands for standard input, as with most Unix tools. */
  public static final String STDIN = "-";

  /**
   * Reads at most one byte more than the spec limit, so {@code /dev/zero}, a FIFO or a huge file
   * costs no more than a spec may be; the reader then reports the limit.
   */
  public static SpecInput file(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new IOException(path + ": is a folder; give the spec file (YAML or JSON)");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new SpecInput(path.toString(), in.readNBytes(Limits.MAX_BYTES + 1),
          absolute.getParent());
    }
  }

  /** A spec read from standard input; its relative script paths resolve from the current folder. */
  public static SpecInput stdin(InputStream in) throws IOException {
    return new SpecInput("<stdin>", in.readNBytes(Limits.MAX_BYTES + 1),
        Path.of("").toAbsolutePath());
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
