package dev.labforge.target;

import java.util.List;
import java.util.Optional;

/** The explicit registry: order here is the order of rendering and of {@code --help}. */
public final class Targets {
  public static final List<Target> ALL = List.of(
      new dev.labforge.target.cloudinit.CloudInitTarget(),
      new dev.labforge.target.packer.PackerTarget());

  private Targets() {}

  public static List<String> ids() {
    return ALL.stream().map(Target::id).toList();
  }

  public static Optional<Target> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
