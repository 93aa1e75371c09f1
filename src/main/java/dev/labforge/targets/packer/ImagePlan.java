package dev.labforge.targets.packer;

import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.User;
import java.util.List;

/**
 * The facts one template needs beyond the image itself, taken from the machines that boot it:
 * the build user Packer logs in as (the first user of the first such machine), the disk size
 * (the largest root disk), and whether any of them wants nested virtualization.
 */
record ImagePlan(Image image, Distro distro, User user, long diskMib, boolean nested) {
  static final long DEFAULT_DISK_MIB = 10 * 1024;

  static ImagePlan of(Lab lab, Image image) {
    List<Machine> users = lab.machines().stream().filter(m -> m.image().equals(image.name())).toList();
    List<Machine> pool = users.isEmpty() ? lab.machines() : users;
    User user = pool.stream().map(Machine::loginUser).filter(java.util.Objects::nonNull).findFirst()
        .orElse(new User("packer", true, List.of(), null, List.of(), "/bin/bash"));
    long disk = users.stream().mapToLong(Machine::diskMib).max().orElse(DEFAULT_DISK_MIB);
    boolean nested = users.stream().anyMatch(Machine::nestedVirtualization);
    return new ImagePlan(image, new Distro(image), user, disk, nested);
  }

  boolean iso() {
    return image.sourceFormat().equals("iso");
  }

  boolean builds(String builder) {
    return image.builders().contains(builder);
  }

  /** VirtualBox and VMware start from an installer: with a cloud image as source they are left out. */
  boolean emits(String builder) {
    return builds(builder) && (iso() || !(builder.equals("virtualbox-iso") || builder.equals("vmware-iso")));
  }

  /** Files next to the template, relative to the packer/ folder. */
  String dir() {
    return image.name();
  }
}
