package dev.labforge.targets.packer;

import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.User;
import dev.labforge.model.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * An image whose build logs in over SSH (qemu, virtualbox-iso, vmware-iso) as a build user with
 * neither an SSH key nor a password: {@code packer build} would wait for SSH until it times out.
 */
final class PackerWarnings {
  private static final List<String> SSH_BUILDERS = List.of("qemu", "virtualbox-iso", "vmware-iso");

  private PackerWarnings() {}

  static List<Warning> of(Lab lab) {
    List<Warning> warnings = new ArrayList<>();
    for (Image image : lab.images()) {
      ImagePlan plan = ImagePlan.of(lab, image);
      List<String> ssh = SSH_BUILDERS.stream().filter(plan::emits).toList();
      User user = plan.user();
      if (ssh.isEmpty() || user.hasPassword() || !user.sshAuthorizedKeys().isEmpty()) {
        continue;
      }
      boolean fromMachine = lab.machines().stream().anyMatch(m -> m.loginUser() == user);
      String who = fromMachine
          ? "Packer logs in as '" + user.name() + "' (the first user of the first machine that boots this image)"
          : "no machine has users, so Packer logs in as '" + user.name() + "'";
      warnings.add(new Warning("/images/" + image.name(), who + ", who has neither an SSH key nor a password: the "
          + String.join(", ", ssh) + " build cannot log in"));
    }
    return warnings;
  }
}
