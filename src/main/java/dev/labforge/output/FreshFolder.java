package dev.labforge.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new folder beside the tree, with the mode the user's umask gives (0755 under umask 022).
 * {@code Files.createTempDirectory} makes 0700 folders, and the staged folder becomes the lab's
 * own: a libvirt {@code qemu} user could then not read the seed ISOs inside it.
 */
final class FreshFolder {
  private FreshFolder() {}

  static Path create(Path parent, String prefix) throws IOException {
    String base = prefix + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(System.nanoTime(), 36);
    for (int i = 0; ; i++) {
      try {
        return Files.createDirectory(parent.resolve(base + (i == 0 ? "" : "-" + i)));
      } catch (FileAlreadyExistsException e) {
        if (i >= 100) {
          throw e;
        }
      }
    }
  }
}
