package dev.labforge.cli;

import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The parts of {@code --help} that name targets, written from {@link Targets#ALL}. */
final class TargetHelp {
  private TargetHelp() {}

  /** Adds one line per target to the root command's description. */
  static void apply(CommandLine cli) {
    List<String> lines = new ArrayList<>(List.of(cli.getCommandSpec().usageMessage().description()));
    lines.add("Targets:");
    for (Target t : Targets.ALL) {
      lines.add("  " + t.id() + ": " + t.summary());
    }
    cli.getCommandSpec().usageMessage().description(lines.toArray(String[]::new));
  }
}
