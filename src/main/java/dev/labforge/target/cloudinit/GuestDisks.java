package dev.labforge.target.cloudinit;

import dev.labforge.model.Disk;
import dev.labforge.model.Machine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data disks that have a mount point: one GPT partition over the whole disk, a file system, an
 * fstab entry with nofail (a missing volume must not stop the boot). Disks without a mount are
 * left untouched. Nothing is ever overwritten: cloud-init skips a disk that has a table already.
 */
public final class GuestDisks {
  public static final String MOUNT_OPTIONS = "defaults,nofail";
  /** xfs labels hold 12 characters, ext4 labels 16; the shorter limit serves both. */
  static final int LABEL_MAX = 12;

  private GuestDisks() {}

  public static List<Map<String, Object>> of(Machine machine) {
    List<Map<String, Object>> disks = new ArrayList<>();
    for (Disk d : machine.disks()) {
      if (d.mount() == null) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("device", "/dev/" + d.device());
      m.put("partition", "/dev/" + d.device() + "1");
      m.put("label", d.name().length() > LABEL_MAX ? d.name().substring(0, LABEL_MAX) : d.name());
      m.put("fs", d.fs());
      m.put("mount", d.mount());
      m.put("options", MOUNT_OPTIONS);
      disks.add(m);
    }
    return disks;
  }
}
