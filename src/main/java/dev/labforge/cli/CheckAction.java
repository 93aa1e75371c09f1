package dev.labforge.cli;

import dev.labforge.output.Manifest;
import dev.labforge.targets.ToolCheck;
import dev.labforge.output.ManifestCheck;
import dev.labforge.output.VerifiedCopy;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code labforge check DIR}: every real tool on PATH, over every lab folder in DIR. The tools read a
 * {@link VerifiedCopy}: only the files the manifest lists, with the bytes it records; a target whose
 * files (or those of a target it requires) changed gets none of its tools run, and fails.
 */
final class CheckAction {
  private final Context context;
  private final PrintWriter out;
  private final PrintWriter err;

  CheckAction(Context context) {
    this.context = context;
    this.out = context.out();
    this.err = context.err();
  }

  int run(Path given) {
    // Once, here: the checks run tools in other working folders, where a relative path means
    // something else.
    Path dir = given.toAbsolutePath().normalize();
    List<Path> labs;
    try {
      labs = labs(dir);
    } catch (IOException e) {
      err.println("labforge: cannot read " + dir + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
    if (labs.isEmpty()) {
      err.println("labforge: " + dir + ": no " + Manifest.PATH + " here or one level down; run labforge gen first");
      return ExitCodes.INVALID;
    }
    Tools tools = Tools.system();
    Tally tally = new Tally();
    for (Path lab : labs) {
      if (!report(lab, new ManifestCheck(), lab, p -> p, tools, tally)) {
        return tally.internal;
      }
      try (VerifiedCopy copy = VerifiedCopy.of(lab)) {
        for (Target target : Targets.ALL) {
          Set<String> folders = new TreeSet<>(target.requires());
          folders.add(target.id());
          List<String> changed = copy.changedUnder(folders);
          for (ToolCheck check : target.checks()) {
            if (changed.isEmpty() || !missing(check, tools).isEmpty()) {
              if (!report(lab, check, copy.dir(), p -> copy.inLab(p, lab), tools, tally)) {
                return tally.internal;
              }
              continue;
            }
            // the tool could run what it reads: it reads nothing labforge did not write
            tally.failed++;
            out.println("FAIL " + check.name() + ": " + lab);
            changed.forEach(what -> err.println(lab + ": " + check.name() + ": not run: " + what
                + "; a tool can run what it reads, so check runs none on a file labforge did not write"));
          }
        }
      } catch (IOException e) {
        err.println("labforge: cannot read " + lab + ": " + e.getMessage());
        return ExitCodes.INVALID;
      }
    }
    out.println(Commands.count(tally.ran, "tool check") + " ran, " + tally.failed + " failed");
    out.flush();
    if (tally.failed > 0) {
      return ExitCodes.INVALID;
    }
    if (tally.ran == 0) {
      err.println("labforge: 0 tool checks ran: none of the tools they need is on PATH (see the skip lines);"
          + " exit code " + ExitCodes.NOTHING_CHECKED);
      return ExitCodes.NOTHING_CHECKED;
    }
    return ExitCodes.OK;
  }

  private static final class Tally {
    int ran;
    int failed;
    int internal;
  }

  private static List<String> missing(ToolCheck check, Tools tools) {
    return check.requires().stream().filter(t -> !tools.has(t)).toList();
  }

  /**
   * Runs {@code check} on {@code read} (the verified copy; the lab itself for the manifest check) and
   * reports it, its problems {@code named} after the lab; false on a labforge bug (tally.internal).
   */
  private boolean report(Path lab, ToolCheck check, Path read, UnaryOperator<String> named, Tools tools,
      Tally tally) {
    List<String> missing = missing(check, tools);
    if (!missing.isEmpty()) {
      out.println("skip " + check.name() + ": " + String.join(", ", missing) + " not found");
      return true;
    }
    List<String> problems;
    try {
      problems = check.run(read, tools);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tally.internal = context.internal(check.name() + " was interrupted", e);
      return false;
    } catch (Exception e) {
      tally.internal = context.internal(check.name() + ": " + e.getMessage(), e);
      return false;
    }
    // the manifest check needs no tool; a check of real tools is what "check" promises
    tally.ran += check.requires().isEmpty() ? 0 : 1;
    if (problems.isEmpty()) {
      out.println("ok   " + check.name() + ": " + lab);
    } else {
      tally.failed++;
      out.println("FAIL " + check.name() + ": " + lab);
      // a tool's report runs over lines (shellcheck's): each is printed as a line of its own
      problems.forEach(p -> (lab + ": " + check.name() + ": " + named.apply(p)).lines().forEach(err::println));
    }
    return true;
  }

  private static List<Path> labs(Path dir) throws IOException {
    List<Path> labs = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve(Manifest.PATH))) {
      labs.add(dir);
      return labs;
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder");
    }
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(c -> Files.isRegularFile(c.resolve(Manifest.PATH))).sorted().forEach(labs::add);
    }
    return labs;
  }
}
