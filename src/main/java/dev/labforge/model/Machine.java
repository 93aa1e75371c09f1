package dev.labforge.model;

import java.util.List;

/**
 * One machine after {@code count} expansion, with defaults merged in. {@code index} is its
 * position in the lab (0-based); {@code instanceId} changes exactly when its content changes.
 */
public record Machine(
    String name,
    int index,
    String description,
    String image,
    int cpus,
    long memoryMib,
    long diskMib,
    boolean nestedVirtualization,
    String timezone,
    List<User> users,
    List<String> packages,
    List<Disk> disks,
    List<Nic> nics,
    List<GuestFile> files,
    List<String> commands,
    List<Script> scripts,
    String instanceId) {

  public long diskGib() {
    return (diskMib + 1023) / 1024;
  }

  /** The instance id as a UUID, for the OpenStack config drive (derived, not random). */
  public String uuid() {
    return Ids.uuidOf(instanceId);
  }

  public Nic primaryNic() {
    return nics.get(0);
  }
}
