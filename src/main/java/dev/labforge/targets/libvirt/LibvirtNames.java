package dev.labforge.targets.libvirt;

import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;

/**
 * Names and paths on the libvirt host. Domains, networks and bridges are host-wide: their names
 * come from {@link HostNames}, which keeps them apart within a lab and across labs. Disks and seeds
 * live in the lab's own folder.
 */
public final class LibvirtNames {
  /** Where lab.sh keeps disks and seeds unless LABFORGE_POOL says otherwise; libvirt-qemu may read it. */
  public static final String DEFAULT_POOL = "/var/lib/libvirt/images/labforge";

  private LibvirtNames() {}

  public static String domain(Lab lab, Machine machine) {
    return HostNames.machine(lab.name(), machine.name());
  }

  public static String network(Lab lab, String network) {
    return HostNames.network(lab.name(), network);
  }

  public static String bridge(Lab lab, String network) {
    return HostNames.bridge(lab.name(), network);
  }

  public static String labDir(Lab lab) {
    return DEFAULT_POOL + "/" + lab.name();
  }

  public static String rootDisk(Lab lab, Machine machine) {
    return labDir(lab) + "/" + machine.name() + ".qcow2";
  }

  /** A data disk's file name in the lab folder: "." cannot occur in names, so no two files collide. */
  public static String diskFile(Machine machine, Disk disk) {
    return machine.name() + "." + disk.name() + ".qcow2";
  }

  public static String seed(Lab lab, Machine machine) {
    return labDir(lab) + "/" + machine.name() + ".seed.iso";
  }

  public static String consoleLog(Lab lab, Machine machine) {
    return labDir(lab) + "/" + machine.name() + ".console.log";
  }
}
