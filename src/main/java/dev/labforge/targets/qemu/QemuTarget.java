package dev.labforge.targets.qemu;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import java.util.List;
import java.util.Optional;

/**
 * qemu/: one launcher per machine (its whole qemu-system-x86_64 command line, one commented option
 * a line) and lab.sh, which runs the lab as an ordinary user: lab networks as multicast groups on the
 * host's loopback, a user-mode management NIC with an SSH port forward, a QMP monitor and a guest
 * agent channel per machine. Machines boot their NoCloud seed from the cloud-init target.
 */
public final class QemuTarget implements Target {
  public static final String ID = "qemu";
  /** The management NIC's name in the guest: the seed renames the NIC with its MAC to it. */
  public static final String MANAGEMENT_IFNAME = "mgmt0";
  static final String DIR = "qemu/";
  static final String LAUNCHER = "qemu/launcher";
  static final String LAUNCHER_SCHEMA = Schemas.resource(LAUNCHER);
  static final String GUEST_AGENT_PACKAGE = "qemu-guest-agent";

  private static final About ABOUT = new About(ID,
      "a QEMU command line per machine and lab.sh: the lab without root (multicast L2, QMP, guest agent)",
      List.of(LAUNCHER), QemuSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  /** Every machine boots its cloud-init/<machine>/nocloud.iso. */
  @Override
  public List<String> requires() {
    return List.of(CloudInitTarget.ID);
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("start the lab on QEMU as an ordinary user (docs/targets/qemu.md):",
        "cd " + labDir + "/qemu && bash lab.sh up --wait && bash lab.sh check");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new ShellScriptsCheck(), new QemuOptionsCheck());
  }

  /**
   * The packages every machine's seed installs for this target: the QEMU guest agent, unless
   * {@code targets.qemu.guest_agent} is false or the target is off. The cloud-init target asks.
   */
  public static List<String> guestPackages(Lab lab, Machine m) {
    boolean wanted = lab.targets().enabled(ID) && QemuSettings.of(lab).guestAgent()
        && !m.packages().contains(GUEST_AGENT_PACKAGE);
    return wanted ? List.of(GUEST_AGENT_PACKAGE) : List.of();
  }

  /**
   * What every boot of machine m runs early for this target (cloud-init's bootcmd): the management
   * NIC, found by its MAC, is named mgmt0 and given its address (and the default route and slirp's
   * DNS where the spec gives the machine no default route). It is not in the seed's network-config:
   * cloud-init 22.4 fails every boot whose network-config names a MAC the machine lacks ("Not all
   * expected physical devices present", measured under QEMU, libvirt and LXC), and only a VM of
   * qemu/lab.sh has this NIC. Where no NIC has that MAC (every other engine), nothing happens. Every
   * value is a MAC or an address the model computed, so the script needs no quoting of user text.
   */
  public static List<List<String>> guestBootCommands(Lab lab, Machine m) {
    Optional<QemuWires.ManagementNic> nic = QemuWires.managementNic(lab, m);
    if (nic.isEmpty()) {
      return List.of();
    }
    QemuWires.ManagementNic n = nic.get();
    String name = n.name();
    StringBuilder script = new StringBuilder()
        .append("for d in /sys/class/net/*; do [ \"$(cat \"$d/address\" 2>/dev/null)\" = ").append(n.mac())
        .append(" ] || continue; i=${d##*/}; if [ \"$i\" != ").append(name).append(" ]; then ip link set \"$i\" down")
        .append(" && ip link set \"$i\" name ").append(name).append("; fi; ip link set ").append(name).append(" up")
        .append(" && ip address replace ").append(n.address()).append(" dev ").append(name);
    if (n.gateway() != null) {
      script.append(" && ip route replace default via ").append(n.gateway()).append(" dev ").append(name);
    }
    for (String dns : n.dns()) {
      script.append("; grep -qs '^nameserver ").append(dns).append("$' /etc/resolv.conf || echo 'nameserver ")
          .append(dns).append("' >> /etc/resolv.conf");
    }
    script.append("; done");
    return List.of(List.of("sh", "-c", script.toString()));
  }

  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    for (Machine m : lab.machines()) {
      QemuViews.Launcher l = QemuViews.launcher(lab, m);
      out.accept(templates.file(DIR + l.file(), "qemu/machine.sh.ftl", l, LauncherFormat.FORMAT,
          LAUNCHER_SCHEMA));
    }
    out.accept(templates.file(DIR + "lab.sh", "qemu/lab.sh.ftl", QemuViews.script(lab), Formats.TEXT, null));
  }
}
