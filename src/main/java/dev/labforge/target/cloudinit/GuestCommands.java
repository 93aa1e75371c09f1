package dev.labforge.target.cloudinit;

import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs at the end of first boot, in order: the spec's commands (each a shell string, exactly
 * as written), then its scripts (exec'd by path; an unprivileged one as the machine's first user).
 */
public final class GuestCommands {
  private GuestCommands() {}

  /** Each entry is {@code shell} (a string for sh -c) or {@code argv} (a list run without a shell). */
  public static List<Map<String, Object>> of(Machine machine) {
    List<Map<String, Object>> run = new ArrayList<>();
    for (String command : machine.commands()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("shell", command);
      run.add(m);
    }
    for (Script s : machine.scripts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("argv", argv(machine, s));
      run.add(m);
    }
    return run;
  }

  public static List<String> argv(Machine machine, Script script) {
    if (script.privileged() || machine.users().isEmpty()) {
      return List.of(script.guestPath());
    }
    return List.of("runuser", "-u", machine.users().get(0).name(), "--", script.guestPath());
  }
}
