package dev.labforge.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stopped guest's ext4 root with debugfs: loop mounts are impossible here, and debugfs
 * reads the file system itself, so nothing of the host's kernel interprets the guest's data.
 */
final class GuestDisk {
  /** What debugfs stat says about an inode: type, permission bits and numeric owner. */
  record Inode(String type, int mode, int uid, int gid) {}

  private static final Pattern TYPE_MODE = Pattern.compile("Type:\\s+(\\S+)\\s+Mode:\\s+([0-7]+)");
  private static final Pattern OWNER = Pattern.compile("User:\\s+(\\d+)\\s+Group:\\s+(\\d+)");

  private final Path raw;

  private GuestDisk(Path raw) {
    this.raw = raw;
  }

  /** qcow2 overlay (with its backing image) to one raw file debugfs can open. */
  static GuestDisk of(Path overlay) {
    Path raw = overlay.resolveSibling(overlay.getFileName() + ".raw");
    Command.ok(300, "qemu-img", "convert", "-O", "raw", overlay.toString(), raw.toString());
    return new GuestDisk(raw);
  }

  /**
   * A raw image debugfs opens as is; {@code ?offset=N} after the path selects a partition
   * (e2fsprogs' io options), e.g. the first GPT partition of a data disk at 1 MiB.
   */
  static GuestDisk ofRaw(Path raw, long offset) {
    return new GuestDisk(offset == 0 ? raw : Path.of(raw + "?offset=" + offset));
  }

  /** The file's exact bytes, or empty when it does not exist. */
  Optional<byte[]> read(String path) {
    if (stat(path).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(debugfs("cat " + quoted(path)).stdout());
  }

  String text(String path) {
    return new String(read(path).orElseThrow(() -> new AssertionError("guest has no " + path)),
        StandardCharsets.UTF_8);
  }

  Optional<Inode> stat(String path) {
    Command c = debugfs("stat " + quoted(path));
    String out = c.text();
    Matcher tm = TYPE_MODE.matcher(out);
    Matcher om = OWNER.matcher(out);
    if (!tm.find() || !om.find()) {
      return Optional.empty();    // "File not found by ext2_lookup" goes to stderr
    }
    return Optional.of(new Inode(tm.group(1), Integer.parseInt(tm.group(2), 8),
        Integer.parseInt(om.group(1)), Integer.parseInt(om.group(2))));
  }

  private Command debugfs(String request) {
    return Command.ok(60, "debugfs", "-R", request, raw.toString());
  }

  /** debugfs's own quoting: a path in double quotes; guest paths here never hold a double quote. */
  private static String quoted(String path) {
    if (path.contains("\"")) {
      throw new IllegalArgumentException("debugfs cannot quote " + path);
    }
    return "\"" + path + "\"";
  }
}
