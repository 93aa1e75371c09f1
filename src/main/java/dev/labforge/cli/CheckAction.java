package dev.labforge.cli;

import dev.labforge.output.Manifest;
import dev.labforge.targets.ToolCheck;
import dev.labforge.output.ManifestCheck;
import dev.labforge.targets.Targets;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code labforge check DIR}: every real tool on PATH, over every lab folder in DIR. */
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
    int failed = 0;
    int ran = 0;
    for (Path lab : labs) {
      for (ToolCheck check : checks()) {
        List<String> missing = check.requires().stream().filter(t -> !tools.has(t)).toList();
        if (!missing.isEmpty()) {
          out.println("skip " + check.name() + ": " + String.join(", ", missing) + " not found");
          continue;
        }
        List<String> problems;
        try {
          problems = check.run(lab, tools);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return context.internal(check.name() + " was interrupted", e);
        } catch (Exception e) {
          return context.internal(check.name() + ": " + e.getMessage(), e);
        }
        // the manifest check needs no tool; a check of real tools is what "check" promises
        ran += check.requires().isEmpty() ? 0 : 1;
        if (problems.isEmpty()) {
          out.println("ok   " + check.name() + ": " + lab);
        } else {
          failed++;
          out.println("FAIL " + check.name() + ": " + lab);
          // a tool's report runs over lines (shellcheck's): each is printed as a line of its own
          problems.forEach(p -> (lab + ": " + check.name() + ": " + p).lines().forEach(err::println));
        }
      }
    }
    out.println(Commands.count(ran, "tool check") + " ran, " + failed + " failed");
    out.flush();
    if (failed > 0) {
      return ExitCodes.INVALID;
    }
    if (ran == 0) {
      err.println("labforge: 0 tool checks ran: none of the tools they need is on PATH (see the skip lines);"
          + " exit code " + ExitCodes.NOTHING_CHECKED);
      return ExitCodes.NOTHING_CHECKED;
    }
    return ExitCodes.OK;
  }

  /** The manifest first, then every target's checks in registry order. */
  private static List<ToolCheck> checks() {
    List<ToolCheck> checks = new ArrayList<>();
    checks.add(new ManifestCheck());
    checks.addAll(Targets.checks());
    return checks;
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
