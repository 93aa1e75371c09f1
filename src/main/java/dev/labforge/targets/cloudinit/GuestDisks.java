package dev.labforge.targets.cloudinit;

import dev.labforge.model.Disk;
import dev.labforge.model.Machine;
import java.util.List;

/**
 * Data disks that have a mount point: one GPT partition over the whole disk, a file system, an
 * fstab entry with nofail (a missing volume must not stop the boot). Disks without a mount are
 * left untouched. Nothing is ever overwritten: cloud-init skips a disk that has a table already.
 */
public final class GuestDisks {
  public static final String MOUNT_OPTIONS = "defaults,nofail";
  /** xfs labels hold 12 characters, ext4 labels 16; the shorter limit serves both. */
  static final int LABEL_MAX = 12;

  /** One formatted disk: whole-disk {@code device}, its first {@code partition}, what goes on it. */
  public record GuestDisk(String device, String partition, String label, String fs, String mount, String options) {}

  private GuestDisks() {}

  public static List<GuestDisk> of(Machine machine) {
    return machine.disks().stream().filter(d -> d.mount() != null).map(GuestDisks::disk).toList();
  }

  private static GuestDisk disk(Disk d) {
    String label = d.name().length() > LABEL_MAX ? d.name().substring(0, LABEL_MAX) : d.name();
    return new GuestDisk("/dev/" + d.device(), "/dev/" + d.device() + "1", label, d.fs(), d.mount(), MOUNT_OPTIONS);
  }
}
