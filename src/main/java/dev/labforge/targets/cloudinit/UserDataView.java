package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The flat model of one machine's user-data; the template only lays it out. */
final class UserDataView {
  private UserDataView() {}

  static Map<String, Object> of(Lab lab, Machine machine) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lab", lab.name());
    m.put("machine", machine.name());
    m.put("hostname", machine.hostname());
    m.put("fqdn", machine.fqdn());
    m.put("timezone", machine.timezone());
    m.put("users", GuestUsers.of(machine));
    m.put("sshPwauth", GuestUsers.sshPasswordAuth(machine));
    m.put("packages", machine.packages());
    m.put("files", GuestFiles.of(machine));
    m.put("disks", GuestDisks.of(machine));
    m.put("run", GuestCommands.of(machine));
    // cloud-init fills in $UPTIME; the machine and lab names are plain [a-z0-9-].
    m.put("finalMessage", "labforge: " + machine.name() + " of lab " + lab.name()
        + " is up after $UPTIME seconds");
    return m;
  }
}
