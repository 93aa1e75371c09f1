package dev.labforge.targets.qemu;

import dev.labforge.model.Disk;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw values of the launchers and lab.sh. A launcher is its QEMU command line as a list of
 * options, each with the one-line reason it is there; the template lays them out, one per line.
 */
public final class QemuViews {
  /** The kernel command line of a direct kernel boot unless LABFORGE_CMDLINE_<image> is set. */
  static final String DEFAULT_CMDLINE = "root=/dev/vda rw console=ttyS0";
  static final String QGA_CHANNEL = "org.qemu.guest_agent.0";

  /** One option of the command line; {@code value} null for a flag. */
  public record Arg(String option, String value, String why) {}

  public record Launcher(String lab, String machine, String description, String file, String image, List<Arg> args,
      String defaultCmdline) {}

  public record MachineRow(String machine, String file, String image, long rootMib, int sshPort, String user,
      List<DiskRow> disks) {}

  public record DiskRow(String file, long sizeMib) {}

  public record ImageRow(String name, String url, String checksum, String format) {}

  public record SegmentRow(String network, String address) {}

  /** The model of lab.sh. */
  public record ScriptView(String lab, List<MachineRow> machines, List<DiskRow> disks, List<ImageRow> images,
      String imageExample, String imageEnvExample, String defaultCmdline, List<SegmentRow> segments,
      boolean guestAgent) {}

  private QemuViews() {}

  static String overlay(Machine m) {
    return m.name() + ".qcow2";
  }

  static String diskFile(Machine m, Disk d) {
    return m.name() + "-" + d.name() + ".qcow2";
  }

  static Launcher launcher(Lab lab, Machine m) {
    Map<String, QemuWires.Segment> segments = QemuWires.segments(lab);
    int sshPort = QemuWires.sshPorts(lab).get(m.name());
    List<Arg> args = new ArrayList<>();
    args.add(new Arg("-name", m.name() + ",process=" + processName(lab, m), "the VM's name in the monitor, and its process's in ps/top"));
    args.add(new Arg("-machine", "q35", "a modern PC: PCIe, AHCI"));
    args.add(new Arg("-cpu", "max", "every CPU feature the accelerator offers (the host's under KVM)"
        + (m.nestedVirtualization() ? ", VMX/SVM included: nested virtualization" : "")));
    args.add(new Arg("-smp", Integer.toString(m.cpus()), "virtual CPUs (spec: cpus)"));
    args.add(new Arg("-m", m.memoryMib() + "M", "memory (spec: memory)"));
    args.add(new Arg("-nodefaults", null, "no default devices: only those below"));
    args.add(new Arg("-display", "none", "no window; the serial console is the way in"));
    args.add(new Arg("-daemonize", null, "detach once the VM runs: errors (a taken port) come before"));
    args.add(new Arg("-pidfile", m.name() + ".pid", "its PID, which lab.sh down stops and nothing else"));
    args.add(new Arg("-chardev", "socket,id=serial0,path=" + m.name() + ".serial,server=on,wait=off,logfile="
        + m.name() + ".console.log", "the serial port: a socket for lab.sh console, copied to a log for lab.sh check"));
    args.add(new Arg("-serial", "chardev:serial0", "the guest's ttyS0 (console=ttyS0)"));
    args.add(new Arg("-drive", "if=virtio,file=" + overlay(m) + ",format=qcow2,discard=unmap",
        "the root disk: a qcow2 overlay whose backing file is the image, which stays unchanged"));
    // in device order, so that the spec's vdb is the first data disk QEMU attaches
    for (Disk d : m.disks().stream().sorted(java.util.Comparator.comparing(Disk::device)).toList()) {
      args.add(new Arg("-drive", "if=virtio,file=" + diskFile(m, d) + ",format=qcow2,discard=unmap",
          "data disk " + d.name() + " (" + d.sizeMib() + " MiB)"));
    }
    // A virtio disk, not a CD: Debian's cloud kernel has no AHCI driver, so q35's CD drive never
    // appears in its guests (measured: no /dev/sr0, ds-identify found no datasource).
    args.add(new Arg("-drive", "if=virtio,file=" + m.name() + ".seed.iso,format=raw,readonly=on",
        "the NoCloud seed, found by its label cidata; last, so data disks keep their vdb, vdc; read-only, so savevm leaves it out"));
    for (Nic n : m.nics()) {
      QemuWires.Segment s = segments.get(n.network());
      String id = "net" + n.index();
      args.add(new Arg("-netdev", "socket,id=" + id + ",mcast=" + s.address() + ",localaddr=127.0.0.1",
          "lab network " + n.network() + ": every VM on it joins this multicast group on the host's loopback"));
      args.add(new Arg("-device", "virtio-net-pci,netdev=" + id + ",mac=" + n.mac().toLowerCase(Locale.ROOT),
          n.ifname() + " with the lab's MAC, which the seed's network-config names"));
    }
    String subnet = QemuWires.managementSubnet(lab).toString();
    args.add(new Arg("-netdev", "user,id=mgmt,net=" + subnet + ",hostfwd=tcp:127.0.0.1:" + sshPort + "-:22",
        "the management NIC: user-mode networking, this VM's alone; the host's 127.0.0.1:" + sshPort + " is its SSH"));
    args.add(new Arg("-device", "virtio-net-pci,netdev=mgmt,mac=" + QemuWires.managementMac(lab, m),
        QemuTarget.MANAGEMENT_IFNAME + " in the guest (the seed gives it " + QemuWires.guestAddress(lab) + ")"));
    args.add(new Arg("-qmp", "unix:" + m.name() + ".qmp,server=on,wait=off",
        "the QMP monitor: lab.sh snapshot/restore/down talk to it"));
    args.add(new Arg("-device", "virtio-serial-pci", "a virtio-serial bus for the guest agent's channel"));
    args.add(new Arg("-chardev", "socket,id=qga0,path=" + m.name() + ".qga,server=on,wait=off",
        "the guest agent's end on the host"));
    args.add(new Arg("-device", "virtserialport,chardev=qga0,name=" + QGA_CHANNEL,
        "the port qemu-guest-agent opens in the guest"));
    args.add(new Arg("-device", "virtio-rng-pci", "entropy for the guest (SSH host keys at first boot)"));
    String description = m.description() == null || m.description().isBlank() ? null : m.description();
    return new Launcher(lab.name(), m.name(), description, m.name() + ".sh", m.image(), List.copyOf(args),
        DEFAULT_CMDLINE);
  }

  /** {@code qemu-<lab>-<machine>}, as ps shows it; Linux keeps 15 characters of it as the thread name. */
  static String processName(Lab lab, Machine m) {
    return "qemu-" + lab.name() + "-" + m.name();
  }

  /** The model of lab.sh. */
  static ScriptView script(Lab lab) {
    Map<String, Integer> ports = QemuWires.sshPorts(lab);
    List<MachineRow> machines = new ArrayList<>();
    for (Machine m : lab.machines()) {
      List<DiskRow> disks = m.disks().stream().map(d -> new DiskRow(diskFile(m, d), d.sizeMib())).toList();
      machines.add(new MachineRow(m.name(), m.name() + ".sh", m.image(), m.diskMib(), ports.get(m.name()),
          m.loginUser() == null ? "" : m.loginUser().name(), disks));
    }
    List<ImageRow> images = new ArrayList<>();
    for (Image image : lab.images()) {
      if (lab.machines().stream().anyMatch(m -> m.image().equals(image.name()))) {
        images.add(new ImageRow(image.name(), image.sourceUrl(), image.sourceChecksum(), image.sourceFormat()));
      }
    }
    return new ScriptView(lab.name(), List.copyOf(machines),
        machines.stream().flatMap(m -> m.disks().stream()).toList(), List.copyOf(images), images.get(0).name(),
        images.get(0).name().replaceAll("[^A-Za-z0-9]", "_"), DEFAULT_CMDLINE,
        QemuWires.segments(lab).values().stream().map(s -> new SegmentRow(s.network(), s.address())).toList(),
        QemuSettings.of(lab).guestAgent());
  }
}
