package dev.labforge.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Debian 12 guest built (or reused from its cache) by scripts/boot-image.sh: a qcow2 root
 * disk plus the kernel and initrd QEMU boots directly, as the disk has no boot loader.
 */
record GuestImage(Path dir, long buildSeconds) {
  static final Path SCRIPT = Path.of("scripts/boot-image.sh");

  /**
   * The image with {@code extraPackages} preinstalled: the lab image's own packages, which its
   * Packer provisioners install and which a guest without network could not download. A cold
   * build is about 2 min here; 20 min covers a slow mirror on 2 shared cores.
   */
  static GuestImage get(List<String> extraPackages) {
    long start = System.nanoTime();
    Command c = Command.run(1200, List.of("bash", SCRIPT.toString()),
        Map.of("LABFORGE_BOOT_EXTRA", String.join(",", extraPackages)));
    if (c.exitCode() != 0) {
      throw new AssertionError("boot-image.sh exited " + c.exitCode() + ":\n" + c.stderr());
    }
    String[] lines = c.text().strip().split("\n");
    Path dir = Path.of(lines[lines.length - 1]);
    for (Path p : new Path[] {dir.resolve("disk.qcow2"), dir.resolve("vmlinuz"), dir.resolve("initrd.img")}) {
      if (!Files.isRegularFile(p)) {
        throw new AssertionError("boot-image.sh did not leave " + p + "\n" + c.stderr());
      }
    }
    return new GuestImage(dir, (System.nanoTime() - start) / 1_000_000_000L);
  }

  Path disk() {
    return dir.resolve("disk.qcow2");
  }

  Path kernel() {
    return dir.resolve("vmlinuz");
  }

  Path initrd() {
    return dir.resolve("initrd.img");
  }
}
