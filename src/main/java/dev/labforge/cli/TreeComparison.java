package dev.labforge.cli;

import dev.labforge.render.Formats;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gen --check} and {@code --diff}: every file that differs from what gen would write is
 * missing, changed or extra (gen would remove it); with {@code --diff} a unified diff follows on
 * stdout, which {@code patch -p0} applies.
 */
final class TreeComparison {
  private final PrintWriter out;
  private final PrintWriter err;

  TreeComparison(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** {@code differ}: the differing paths relative to {@code base}, as the tree writer finds them. */
  int report(Path base, List<RenderedFile> files, List<String> differ, boolean diff) throws IOException {
    if (differ.isEmpty()) {
      out.println(base + ": up to date (" + Commands.count(files.size(), "file") + ")");
      return ExitCodes.OK;
    }
    Map<String, RenderedFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    for (String path : differ) {
      Path existing = base.resolve(path);
      RenderedFile file = byPath.get(path);
      boolean exists = Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS);
      err.println(existing + ": " + (file == null ? "extra (gen would remove it)" : exists ? "changed" : "missing"));
      if (diff) {
        printDiff(existing, exists, file);
      }
    }
    err.println(Commands.count(differ.size(), "file") + " out of date; run labforge gen to update " + base);
    return ExitCodes.INVALID;
  }

  private void printDiff(Path existing, boolean exists, RenderedFile file) throws IOException {
    byte[] old = exists ? Files.readAllBytes(existing) : new byte[0];
    byte[] now = file == null ? new byte[0] : file.content();
    String oldName = exists ? existing.toString() : "/dev/null";
    String newName = file == null ? "/dev/null" : existing.toString();
    if (!text(old) || !text(now) || (file != null && file.format() == Formats.BINARY)) {
      out.println("Binary files " + oldName + " and " + newName + " differ");
      return;
    }
    out.print(UnifiedDiff.diff(oldName, new String(old, StandardCharsets.UTF_8), newName,
        new String(now, StandardCharsets.UTF_8)));
  }

  private static boolean text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }
}
