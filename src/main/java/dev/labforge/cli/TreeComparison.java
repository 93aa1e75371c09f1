package dev.labforge.cli;

import dev.labforge.output.TreeDifferences;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gen --check} and {@code --diff}: every file that differs from what gen would write is
 * missing, changed or extra (gen would remove it); with {@code --diff} a unified diff follows on
 * stdout, with absolute file names, which {@code patch -p1 -d /} applies.
 */
final class TreeComparison {
  private final PrintWriter out;
  private final PrintWriter err;

  TreeComparison(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * {@code differ}: what differs from {@code base}, by path, as {@link TreeDifferences} finds it (with
   * the files, for {@code diff}); {@code files}: how many files gen would write.
   */
  int report(Path base, int files, List<TreeDifferences.Difference> differ, boolean diff) throws IOException {
    if (differ.isEmpty()) {
      out.println(base + ": up to date (" + Commands.count(files, "file") + ")");
      return ExitCodes.OK;
    }
    for (TreeDifferences.Difference d : differ) {
      Path existing = base.resolve(d.path());
      boolean exists = Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS);
      err.println(existing + ": " + (d.extra() ? "extra (gen would remove it)" : exists ? "changed" : "missing"));
      if (diff) {
        printDiff(existing, exists, d.file());
      }
    }
    err.println(Commands.count(differ.size(), "file") + " out of date; run labforge gen to update " + base);
    return ExitCodes.INVALID;
  }

  private void printDiff(Path existing, boolean exists, RenderedFile file) throws IOException {
    byte[] old = exists ? Files.readAllBytes(existing) : new byte[0];
    byte[] now = file == null ? new byte[0] : file.content();
    // Absolute names, whatever -o was: `patch -p1 -d /` then applies the diff from any folder (a
    // relative name would resolve against /, and one with ".." is refused by patch).
    String name = existing.toAbsolutePath().normalize().toString();
    String oldName = exists ? name : "/dev/null";
    String newName = file == null ? "/dev/null" : name;
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
