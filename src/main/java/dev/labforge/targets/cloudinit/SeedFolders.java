package dev.labforge.targets.cloudinit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The per-machine folders under {@code <lab>/cloud-init/}; none when the target was off. */
final class SeedFolders {
  private SeedFolders() {}

  static List<Path> of(Path labDir) throws IOException {
    Path root = labDir.resolve("cloud-init");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).sorted().toList();
    }
  }
}
