package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Forwarding;
import dev.labforge.model.Nic;
import dev.labforge.model.Route;
import dev.labforge.targets.qemu.QemuTarget;
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
    return of(lab, machine, etcHosts, GuestChecks.Engine.CLOUD_INIT);
  }

  /**
   * As above for a seed read by cloud-init under {@code engine}. Under Docker the container's
   * network-config is disabled (Docker sets the addresses), so the routes become bootcmd steps;
   * forwarding is a sysctl of the container (compose.yaml), which /proc/sys, read-only there, does
   * not take from inside; Docker mounts the data disks as volumes, so there is nothing to partition.
   */
  static UserDataView of(Lab lab, Machine machine, String etcHosts, GuestChecks.Engine engine) {
    boolean docker = engine == GuestChecks.Engine.DOCKER;
    List<GuestFiles.GuestFileEntry> files = new ArrayList<>();
    if (etcHosts != null) {
      files.add(new GuestFiles.GuestFileEntry(EtcHosts.PATH, "0644", GuestFiles.ROOT_OWNER, null, etcHosts, false));
    }
    files.addAll(GuestFiles.of(machine));
    // The checks (docs/checks.md): root's own files, there from the init stage on.
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.PROGRAM_PATH, GuestFiles.SCRIPT_MODE, GuestFiles.ROOT_OWNER,
        null, GuestProgram.CHECK, false));
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.PLAN_PATH, "0600", GuestFiles.ROOT_OWNER, null,
        GuestChecks.plan(lab, machine, engine, etcHosts), false));
    files.add(new GuestFiles.GuestFileEntry(GuestChecks.BOOT_HOOK_PATH, GuestFiles.SCRIPT_MODE, GuestFiles.ROOT_OWNER,
        null, GuestProgram.BOOT_HOOK, false));
    // A container runs no QEMU guest agent and has no management NIC: the qemu target's additions
    // are for seeds a VM boots.
    List<String> packages = new ArrayList<>(machine.packages());
    List<List<String>> boot = new ArrayList<>();
    if (docker) {
      boot.addAll(routes(machine));
    } else {
      packages.addAll(QemuTarget.guestPackages(lab, machine));
      if (machine.forwarding()) {
        boot.add(Forwarding.ENABLE);
      }
      boot.addAll(QemuTarget.guestBootCommands(lab, machine));
    }
    return new UserDataView(lab.name(), machine.name(), machine.hostname(), machine.fqdn(), machine.timezone(),
        GuestUsers.of(machine), GuestUsers.sshPasswordAuth(machine), packages, etcHosts == null,
        files, docker ? List.of() : GuestDisks.of(machine), GuestCommands.of(machine), boot,
        // the machine and lab names are plain [a-z0-9-]
        "labforge: " + machine.name() + " of lab " + lab.name() + " is up after $UPTIME seconds");
  }

  /** The machine's default route and static routes as {@code ip route replace} commands (idempotent on every boot). */
  private static List<List<String>> routes(Machine machine) {
    List<List<String>> steps = new ArrayList<>();
    for (Nic n : machine.nics()) {
      if (n.defaultRoute()) {
        steps.add(List.of("ip", "route", "replace", "default", "via", String.valueOf(n.gateway())));
      }
      for (Route r : n.routes()) {
        steps.add(List.of("ip", "route", "replace", String.valueOf(r.to()), "via", String.valueOf(r.via())));
      }
    }
    return steps;
  }
}
