package dev.labforge.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The templates packed with labforge ({@code templates/} in the jar, or in the classes folder when
 * run from a build), by name relative to {@code templates/}: the starting point for overrides.
 */
public final class BuiltInTemplates {
  private BuiltInTemplates() {}

  /** Every packed template file, sorted, e.g. {@code cloud-init/user-data.ftl}. */
  public static List<String> names() throws IOException {
    URL root = BuiltInTemplates.class.getClassLoader().getResource("templates/");
    if (root == null) {
      throw new IOException("templates/ is not packed with labforge");
    }
    try {
      URI uri = root.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem jar;
        try {
          jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          jar = FileSystems.newFileSystem(uri, Map.of());
        }
        return list(jar.getPath("/templates"));
      }
      return list(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of one packed template. */
  public static byte[] read(String name) throws IOException {
    try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream("templates/" + name)) {
      if (in == null) {
        throw new IOException("no built-in template " + name);
      }
      return in.readAllBytes();
    }
  }

  private static List<String> list(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
