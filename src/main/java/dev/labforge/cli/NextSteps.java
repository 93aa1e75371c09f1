package dev.labforge.cli;

import dev.labforge.model.Lab;
import dev.labforge.targets.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** After {@code gen}: one short block per written target, on stderr, saying what to run next. */
final class NextSteps {
  private NextSteps() {}

  static void print(PrintWriter err, Lab lab, Path labDir, List<Target> targets) {
    String dir = SpecHeader.word(labDir.toString());
    err.println();
    err.println("Next steps:");
    for (Target target : targets) {
      List<String> lines = target.nextSteps(lab, dir);
      err.println("  " + target.id() + ": " + lines.get(0));
      lines.subList(1, lines.size()).forEach(l -> err.println("    " + l));
    }
  }
}
