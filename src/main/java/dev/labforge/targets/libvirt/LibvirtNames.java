package dev.labforge.targets.libvirt;

import dev.labforge.model.Disk;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names and paths on the libvirt host, decided once. Domains and networks are host-wide, so they
 * carry the lab's name; a bridge name is at most 15 characters (IFNAMSIZ - 1), so it is "lf" plus
 * a hash of lab and network, which keeps it unique per lab and across labs.
 */
public final class LibvirtNames {
  /** Where lab.sh keeps disks and seeds unless LABFORGE_POOL says otherwise; libvirt-qemu may read it. */
  public static final String DEFAULT_POOL = "/var/lib/libvirt/images/labforge";
  static final int BRIDGE_MAX = 15;

  private LibvirtNames() {}

  public static String domain(Lab lab, Machine machine) {
    return lab.name() + "-" + machine.name();
  }

  public static String network(Lab lab, String network) {
    return lab.name() + "-" + network;
  }

  public static String bridge(Lab lab, String network) {
    return "lf" + sha256Hex(lab.name() + "\n" + network).substring(0, 12);
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

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
