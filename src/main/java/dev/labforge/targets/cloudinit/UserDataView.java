package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Forwarding;
import dev.labforge.targets.qemu.QemuTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flat model of one machine's user-data; the template only lays it out. */
final class UserDataView {
  private UserDataView() {}

  /** {@code etcHosts} is the machine's /etc/hosts, or null when the spec writes that file itself. */
  static Map<String, Object> of(Lab lab, Machine machine, String etcHosts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lab", lab.name());
    m.put("machine", machine.name());
    m.put("hostname", machine.hostname());
    m.put("fqdn", machine.fqdn());
    m.put("timezone", machine.timezone());
    m.put("users", GuestUsers.of(machine));
    m.put("sshPwauth", GuestUsers.sshPasswordAuth(machine));
    List<String> packages = new ArrayList<>(machine.packages());
    packages.addAll(QemuTarget.guestPackages(lab, machine));
    m.put("packages", packages);
    m.put("manageEtcHosts", etcHosts == null);
    List<GuestFiles.GuestFileEntry> files = new ArrayList<>();
    if (etcHosts != null) {
      files.add(new GuestFiles.GuestFileEntry(EtcHosts.PATH, "0644", GuestFiles.ROOT_OWNER, null, etcHosts, false));
    }
    files.addAll(GuestFiles.of(machine));
    m.put("files", files);
    m.put("disks", GuestDisks.of(machine));
    m.put("run", GuestCommands.of(machine));
    // Early in every boot: a router forwards before its final stage, where the sysctl file is written.
    List<List<String>> boot = new ArrayList<>();
    if (machine.forwarding()) {
      boot.add(Forwarding.ENABLE);
    }
    boot.addAll(QemuTarget.guestBootCommands(lab, machine));
    m.put("boot", boot);
    // cloud-init fills in $UPTIME; the machine and lab names are plain [a-z0-9-].
    m.put("finalMessage", "labforge: " + machine.name() + " of lab " + lab.name()
        + " is up after $UPTIME seconds");
    return m;
  }
}
