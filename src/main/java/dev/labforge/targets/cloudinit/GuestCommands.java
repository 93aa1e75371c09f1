package dev.labforge.targets.cloudinit;

import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs at the end of first boot, in order: the spec's commands (each a shell string, exactly
 * as written), then its scripts (exec'd by path; an unprivileged one as the machine's first user).
 */
public final class GuestCommands {
  /** A step is either {@code shell} (a string for sh -c) or {@code argv} (run without a shell); the other is null. */
  public record RunStep(String shell, List<String> argv) {}

  private GuestCommands() {}

  public static List<RunStep> of(Machine machine) {
    List<RunStep> run = new ArrayList<>();
    machine.commands().forEach(c -> run.add(new RunStep(c, null)));
    machine.scripts().forEach(s -> run.add(new RunStep(null, argv(machine, s))));
    return run;
  }

  public static List<String> argv(Machine machine, Script script) {
    return machine.scriptCommand(script);
  }
}
