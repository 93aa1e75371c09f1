package dev.labforge.targets.vagrant;

import dev.labforge.model.Disk;
import dev.labforge.model.Forwarding;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import dev.labforge.model.User;
import dev.labforge.targets.cloudinit.GuestChecks;
import dev.labforge.targets.cloudinit.GuestProgram;
import dev.labforge.targets.vagrant.VagrantView.ArgView;
import dev.labforge.targets.vagrant.VagrantView.StepView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shell provisioners of one machine, giving it what its cloud-init seed gives: time zone,
 * the lab's /etc/hosts, users, data disks, files, packages, then commands and scripts in spec order. Users, disks and
 * files come first so packages, commands and scripts find them, as on a cloud-init first boot; a
 * router's forwarding and the spec's routes come before the commands too. The checks come last.
 */
final class Steps {
  /** Where every fixed guest script lives in the Vagrantfile (Ruby constants). */
  static final String TIMEZONE = "LABFORGE_TIMEZONE";
  static final String USER = "LABFORGE_USER";
  static final String DISK = "LABFORGE_DISK";
  static final String FILE = "LABFORGE_FILE";
  static final String PACKAGES = "LABFORGE_PACKAGES";
  static final String ROUTING = "LABFORGE_ROUTING";

  private final List<StepView> steps = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  private Steps() {}

  /** {@code etcHosts}: the machine's whole /etc/hosts as its cloud-init seed writes it, or null. */
  static List<StepView> of(Lab lab, Machine machine, String packageManager, String etcHosts) {
    Steps s = new Steps();
    s.step("timezone", TIMEZONE, arg("timezone", machine.timezone()));
    if (etcHosts != null) {
      s.file("hosts: /etc/hosts", "/etc/hosts", etcHosts, "0644", "root:root");
    }
    for (User u : machine.users()) {
      s.step("user " + u.name(), USER, arg("name", u.name()), arg("shell", u.shell()), list("groups", u.groups()),
          list("ssh_authorized_keys", u.sshAuthorizedKeys()),
          arg("password_hash", u.hasPassword() ? u.passwordHash() : ""),
          // the model's rule, as cloud-init's seed writes it; empty: no sudo
          arg("sudo_rule", u.sudo() ? u.sudoRule() : ""));
    }
    for (Disk d : machine.disks()) {
      if (d.mount() != null) {
        s.step("disk " + d.name(), DISK, arg("device", d.device()), arg("fs", d.fs()), arg("mount", d.mount()),
            arg("manager", packageManager));
      }
    }
    List<GuestFile> files = machine.files();
    for (int i = 0; i < files.size(); i++) {
      GuestFile f = files.get(i);
      s.file("file " + (i + 1) + ": " + f.path(), f.path(), f.content(), f.permissions(), f.owner());
    }
    if (!machine.packages().isEmpty()) {
      s.step("packages", PACKAGES, arg("manager", packageManager), list("packages", machine.packages()));
    }
    List<String> routes = machine.nics().stream().flatMap(n -> n.routes().stream())
        .map(r -> r.to() + " " + r.via()).toList();
    if (machine.forwarding() || !routes.isEmpty()) {
      // Vagrant's own NAT NIC keeps the default route, so only the spec's routes lead to other networks.
      s.add(new StepView("routing", "step", true, ROUTING, List.of(
          arg("sysctl_file", machine.forwarding() ? Forwarding.SYSCTL_FILE : ""),
          arg("sysctl_content", machine.forwarding() ? Forwarding.SYSCTL_CONTENT : ""),
          list("routes", routes)), null, true));
    }
    List<String> commands = machine.commands();
    for (int i = 0; i < commands.size(); i++) {
      s.add(new StepView("command " + (i + 1), "inline", true, null, List.of(), commands.get(i), false));
    }
    for (Script script : machine.scripts()) {
      s.file("script " + script.name() + " (install)", script.guestPath(), script.content(), "0755", "root:root");
      // As root, and through runuser for privileged: false: the script runs as the machine's
      // runAs user, as on cloud-init, not as Vagrant's SSH user.
      s.add(new StepView("script " + script.name(), "inline", true, null, List.of(),
          String.join(" ", machine.scriptCommand(script)), false));
    }
    // Last, the checks (docs/checks.md): the program and plan a seed carries, then the run, whose
    // line Vagrant shows and whose exit status fails `vagrant up` when a check fails.
    s.file("check (program)", GuestChecks.PROGRAM_PATH, GuestProgram.CHECK, "0755", "root:root");
    s.file("check (plan)", GuestChecks.PLAN_PATH,
        GuestChecks.plan(lab, machine, GuestChecks.Engine.VAGRANT, etcHosts), "0600", "root:root");
    s.add(new StepView("check", "inline", true, null, List.of(), GuestChecks.PROGRAM_PATH, false));
    return List.copyOf(s.steps);
  }

  private void file(String name, String path, String content, String mode, String owner) {
    step(name, FILE, arg("path", path), arg("content", content), arg("mode", mode), arg("owner", owner));
  }

  private void step(String name, String script, ArgView... args) {
    add(new StepView(name, "step", true, script, List.of(args), null, false));
  }

  /**
   * Vagrant merges provisioners that share a name (the later options win), so a repeated name
   * would silently drop a step: a repeat gets a number instead.
   */
  private void add(StepView step) {
    String name = step.name();
    for (int n = 2; !names.add(name); n++) {
      name = step.name() + " #" + n;
    }
    steps.add(new StepView(name, step.kind(), step.privileged(), step.script(), step.args(), step.inline(),
        step.always()));
  }

  private static ArgView arg(String key, String value) {
    return new ArgView(key, false, List.of(value));
  }

  private static ArgView list(String key, List<String> values) {
    return new ArgView(key, true, List.copyOf(values));
  }
}
