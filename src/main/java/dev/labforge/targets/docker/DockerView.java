package dev.labforge.targets.docker;

import java.util.List;

/**
 * Everything compose.yaml, the Dockerfiles and lab.sh lay out, already decided: the templates only
 * loop and quote. Values are raw; the templates escape them ({@code esc.yaml}, {@code esc.sh}).
 * {@code project} is the Compose project name lab.sh passes with {@code -p}; {@code seedMount} is
 * where every container gets its seed.
 */
public record DockerView(
    String lab,
    String labComment,
    String project,
    String seedMount,
    List<NetworkView> networks,
    List<ImageView> images,
    List<ServiceView> services,
    List<String> volumes) {

  /**
   * One Docker network: its key in compose.yaml (the spec's name), its name and bridge on the host,
   * the subnet and the address the host's bridge takes ({@code gateway}: the spec's, or a free
   * address when a lab machine owns the spec's), {@code internal} unless the network is NAT.
   */
  public record NetworkView(String key, String name, String bridge, String subnet, String gateway, boolean internal) {}

  /**
   * A spec image: its folder under docker/ (the build context), the image tag, the variable that
   * overrides its base, the default base, and the package manager that adds what a base lacks.
   */
  public record ImageView(String name, String tag, String variable, String base, String os, boolean apt) {}

  /**
   * One machine as a service: its container, the image's tag and folder, limits, the MAC Docker
   * pins (the first NIC's), its NICs in NIC order, and its mounts. {@code nested}: Docker-in-Docker.
   * {@code baseArg} is the build argument BASE as Compose reads it: the image's variable, else its base.
   */
  public record ServiceView(String machine, String container, String hostname, String description, String image,
      String tag, String baseArg, String cpus, String memory, String mac, boolean forwarding, boolean nested, String seed,
      List<NicView> nics, List<MountView> volumes) {}

  /** A NIC: the network's key, its fixed address (null: Docker picks one) and its priority (NIC order). */
  public record NicView(String network, String ip, int priority) {}

  /** A named volume mounted at {@code path}. */
  public record MountView(String volume, String path) {}
}
