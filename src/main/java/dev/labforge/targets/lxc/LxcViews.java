package dev.labforge.targets.lxc;

import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.targets.lxc.LxcView.BridgeView;
import dev.labforge.targets.lxc.LxcView.ContainerView;
import dev.labforge.targets.lxc.LxcView.DataDirView;
import dev.labforge.targets.lxc.LxcView.ImageView;
import dev.labforge.targets.lxc.LxcView.MountView;
import dev.labforge.targets.lxc.LxcView.NicView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link LxcView}: container and bridge names, every host path, the cgroup v2 limits,
 * the mount entries. Every LXC decision is made here, none in the templates.
 */
public final class LxcViews {
  /** LXC's default path for root's containers ({@code lxc-config lxc.lxcpath}); lab.sh passes it as -P. */
  public static final String LXC_PATH = "/var/lib/lxc";
  /** Where the machine's NoCloud seed appears in the container: cloud-init's seed folder. */
  public static final String SEED_TARGET = "var/lib/cloud/seed/nocloud";
  /** Where a data disk without {@code mount} appears, as with LXD. */
  static final String UNMOUNTED_PREFIX = "/mnt/";
  /** The cgroup v2 period cpu.max is written against: 100 ms, the kernel's default. */
  static final long CPU_PERIOD_US = 100_000;
  /** What lab.sh up made (bridges): /run, because bridges too are gone after a reboot. */
  static final String STATE_DIR = "/run/labforge-lxc";
  /** The download template's architecture name. */
  static final String ARCH = "amd64";
  /** The cloud variant of images.linuxcontainers.org: the one with cloud-init. */
  static final String VARIANT = "cloud";
  /**
   * images.linuxcontainers.org's index (which the download template reads) names Debian and
   * Ubuntu releases by code name and two distributions differently from the spec's {@code os}.
   */
  private static final Map<String, String> INDEX_OS = Map.of("rocky", "rockylinux");
  private static final Map<String, String> CODE_NAMES = Map.of(
      "debian/11", "bullseye", "debian/12", "bookworm", "debian/13", "trixie",
      "ubuntu/20.04", "focal", "ubuntu/22.04", "jammy", "ubuntu/24.04", "noble");

  private LxcViews() {}

  public static LxcView of(Lab lab) {
    List<String> used = lab.machines().stream().map(Machine::image).distinct().toList();
    List<ImageView> images = lab.images().stream().filter(i -> used.contains(i.name())).map(LxcViews::image).toList();
    List<BridgeView> bridges = lab.networks().stream().map(n -> bridge(lab, n)).toList();
    List<ContainerView> containers = lab.machines().stream().map(m -> container(lab, m)).toList();
    List<DataDirView> dataDirs = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      for (String dir : containers.get(i).diskDirs()) {
        dataDirs.add(new DataDirView(dir, i));
      }
    }
    return new LxcView(lab.name(), LXC_PATH, STATE_DIR + "/" + lab.name() + ".bridges", images, bridges, containers,
        dataDirs);
  }

  /** {@code LABFORGE_LXC_IMAGE_<image>}: every character other than a letter or digit becomes "_". */
  static String variable(String image) {
    return "LABFORGE_LXC_IMAGE_" + image.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static ImageView image(Image image) {
    String release = CODE_NAMES.getOrDefault(image.os() + "/" + image.release(), image.release());
    return new ImageView(image.name(), variable(image.name()), INDEX_OS.getOrDefault(image.os(), image.os()), release,
        ARCH, VARIANT);
  }

  private static BridgeView bridge(Lab lab, Network n) {
    String address = n.gateway() == null || n.routedByMachine() ? null : n.gatewayCidr();
    return new BridgeView(HostNames.bridge(lab.name(), n.name()), n.name(), address);
  }

  static ContainerView container(Lab lab, Machine m) {
    String container = HostNames.machine(lab.name(), m.name());
    String dir = LXC_PATH + "/" + container;
    List<NicView> nics = new ArrayList<>();
    for (Nic nic : m.nics()) {
      String gateway = nic.defaultRoute() && !nic.dhcp() && nic.gateway() != null
          ? Objects.toString(nic.gateway()) : null;
      nics.add(new NicView(nics.size(), nic.network(), HostNames.bridge(lab.name(), nic.network()), nic.mac(),
          nic.ifname(), nic.cidrAddress(), gateway));
    }
    List<MountView> mounts = new ArrayList<>();
    mounts.add(new MountView("the machine's NoCloud seed, read-only: cloud-init applies the same user-data as everywhere",
        dir + "/seed", SEED_TARGET, "none", "bind,ro,create=dir"));
    List<String> diskDirs = new ArrayList<>();
    for (Disk disk : m.disks()) {
      String source = dir + "/disks/" + disk.name();
      diskDirs.add(source);
      String target = disk.mount() != null ? disk.mount() : UNMOUNTED_PREFIX + disk.name();
      mounts.add(new MountView("data disk " + disk.name() + ": a folder of the container (no size limit)",
          source, target.substring(1), "none", "bind,create=dir"));
    }
    if (m.nestedVirtualization()) {
      // nesting.conf's uncovered proc and sysfs, which a nested LXC, LXD or Docker mounts again.
      mounts.add(new MountView("nesting: a second proc for nested containers", "proc", "dev/.lxc/proc", "proc",
          "create=dir,optional"));
      mounts.add(new MountView("nesting: a second sysfs for nested containers", "sys", "dev/.lxc/sys", "sysfs",
          "create=dir,optional"));
    }
    String description = m.description() == null || m.description().isBlank() ? null : m.description();
    return new ContainerView(lab.name(), m.name(), m.hostname(), container, description, m.image(), LXC_PATH, dir, "dir:" + dir + "/rootfs",
        "cloud-init/" + m.name(), dir + "/seed", dir + "/console.log", m.memoryMib(), m.cpus(),
        m.memoryMib() + "M", m.cpus() * CPU_PERIOD_US + " " + CPU_PERIOD_US, m.cpus() * CPU_PERIOD_US, CPU_PERIOD_US,
        m.forwarding(), m.nestedVirtualization(),
        m.nestedVirtualization() ? "proc:rw sys:rw cgroup:rw" : "proc:mixed sys:mixed cgroup:mixed",
        nics, mounts, diskDirs);
  }
}
