package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Forwarding;
import java.util.ArrayList;
import java.util.List;

/**
 * The view of one machine's user-data; the template only lays it out. {@code boot} runs early in
 * every boot (a router forwards before its final stage, where the sysctl file is written);
 * {@code finalMessage} holds {@code $UPTIME}, which cloud-init fills in.
 */
public record UserDataView(String lab, String machine, String hostname, String fqdn, String timezone,
    List<GuestUsers.GuestUser> users, boolean sshPwauth, List<String> packages, boolean manageEtcHosts,
    List<GuestFiles.GuestFileEntry> files, List<GuestDisks.GuestDisk> disks, List<GuestCommands.RunStep> run,
    List<List<String>> boot, String finalMessage) {

  /** {@code etcHosts} is the machine's /etc/hosts, or null when the spec writes that file itself. */
  static UserDataView of(Lab lab, Machine machine, String etcHosts) {
    List<GuestFiles.GuestFileEntry> files = new ArrayList<>();
    if (etcHosts != null) {
      files.add(new GuestFiles.GuestFileEntry(EtcHosts.PATH, "0644", GuestFiles.ROOT_OWNER, null, etcHosts, false));
    }
    files.addAll(GuestFiles.of(machine));
    // The checks (docs/checks.md): root's own files, there from the init stage on.
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.PROGRAM_PATH, GuestFiles.SCRIPT_MODE, GuestFiles.ROOT_OWNER,
        null, GuestProgram.CHECK, false));
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.PLAN_PATH, "0600", GuestFiles.ROOT_OWNER, null,
        GuestChecks.plan(lab, machine, GuestChecks.Engine.CLOUD_INIT, etcHosts), false));
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.BOOT_HOOK_PATH, GuestFiles.SCRIPT_MODE, GuestFiles.ROOT_OWNER,
        null, GuestProgram.BOOT_HOOK, false));
    return new UserDataView(lab.name(), machine.name(), machine.hostname(), machine.fqdn(), machine.timezone(),
        GuestUsers.of(machine), GuestUsers.sshPasswordAuth(machine), machine.packages(), etcHosts == null,
        files, GuestDisks.of(machine), GuestCommands.of(machine),
        machine.forwarding() ? List.of(Forwarding.ENABLE) : List.of(),
        // the machine and lab names are plain [a-z0-9-]
        "labforge: " + machine.name() + " of lab " + lab.name() + " is up after $UPTIME seconds");
  }
}
