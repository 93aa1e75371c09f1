package dev.labforge.targets;

import dev.labforge.targets.cloudinit.CloudInitTarget;
import dev.labforge.targets.docker.DockerTarget;
import dev.labforge.targets.inventory.InventoryTarget;
import dev.labforge.targets.libvirt.LibvirtTarget;
import dev.labforge.targets.lxc.LxcTarget;
import dev.labforge.targets.lxd.LxdTarget;
import dev.labforge.targets.packer.PackerTarget;
import dev.labforge.targets.qemu.QemuTarget;
import dev.labforge.targets.terraform.TerraformTarget;
import dev.labforge.targets.vagrant.VagrantTarget;
import dev.labforge.targets.xen.XenTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one registry: the order here is the order of rendering, of {@code labforge check} and of
 * {@code --help}. Tool checks, settings, schema names and help text are all derived from it.
 */
public final class Targets {
  public static final List<Target> ALL = List.of(
      new PackerTarget(),
      new CloudInitTarget(),
      new VagrantTarget(),
      new TerraformTarget(),
      new LibvirtTarget(),
      new LxdTarget(),
      new LxcTarget(),
      new XenTarget(),
      new QemuTarget(),
      new DockerTarget(),
      new InventoryTarget());

  private Targets() {}

  public static List<String> ids() {
    return ALL.stream().map(Target::id).toList();
  }

  public static Optional<Target> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** {@code selected} plus every target they require, transitively, in registry order. */
  public static List<Target> withRequired(Collection<String> selected) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(selected);
    while (!todo.isEmpty()) {
      String id = todo.remove(todo.size() - 1);
      if (wanted.add(id)) {
        byId(id).ifPresent(t -> todo.addAll(t.requires()));
      }
    }
    return ALL.stream().filter(t -> wanted.contains(t.id())).toList();
  }

  /** Every target's tool checks, in registry order. */
  public static List<ToolCheck> checks() {
    return ALL.stream().flatMap(t -> t.checks().stream()).toList();
  }

  /** Every packed target schema name, e.g. "cloud-init/user-data". */
  public static List<String> schemas() {
    return ALL.stream().flatMap(t -> t.schemas().stream()).toList();
  }
}
