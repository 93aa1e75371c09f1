package dev.labforge.target;

import dev.labforge.target.cloudinit.CloudInitTarget;
import dev.labforge.target.packer.PackerTarget;
import dev.labforge.target.vagrant.VagrantTarget;
import java.util.List;
import java.util.Optional;

/** The explicit registry: order here is the order of rendering and of {@code --help}. */
public final class Targets {
  public static final List<Target> ALL = List.of(
      new PackerTarget(),
      new CloudInitTarget(),
      new VagrantTarget(),
      new dev.labforge.target.terraform.TerraformTarget(),
      new dev.labforge.target.libvirt.LibvirtTarget());

  private Targets() {}

  public static List<String> ids() {
    return ALL.stream().map(Target::id).toList();
  }

  public static Optional<Target> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
