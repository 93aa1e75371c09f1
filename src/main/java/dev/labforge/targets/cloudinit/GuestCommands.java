package dev.labforge.targets.cloudinit;

import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs at the end of first boot, in order: the spec's commands (each a shell string, exactly
 * as written), then its scripts (exec'd by path; an unprivileged one as the machine's first user).
 * After each, a marker step writes its exit status (runcmd is one shell script, so {@code $?} is
 * the step's) for the checks' "command N" and "script NAME" (docs/checks.md).
 */
public final class GuestCommands {
  /** A step is either {@code shell} (a string for sh -c) or {@code argv} (run without a shell); the other is null. */
  public record RunStep(String shell, List<String> argv) {}

  private GuestCommands() {}

  public static List<RunStep> of(Machine machine) {
    List<RunStep> run = new ArrayList<>();
    if (machine.commands().isEmpty() && machine.scripts().isEmpty()) {
      return run;
    }
    run.add(new RunStep(null, List.of("mkdir", "-p", GuestChecks.MARKER_DIR)));
    for (int i = 0; i < machine.commands().size(); i++) {
      run.add(new RunStep(machine.commands().get(i), null));
      run.add(new RunStep(marker(GuestChecks.commandMarker(i + 1)), null));
    }
    for (int i = 0; i < machine.scripts().size(); i++) {
      run.add(new RunStep(null, argv(machine, machine.scripts().get(i))));
      run.add(new RunStep(marker(GuestChecks.scriptMarker(i + 1)), null));
    }
    return run;
  }

  /** The marker paths are labforge's own ([a-z0-9/-]), so the line needs no quoting. */
  private static String marker(String path) {
    return "echo $? > " + path;
  }

  public static List<String> argv(Machine machine, Script script) {
    return machine.scriptCommand(script);
  }
}
