package dev.labforge.model;

import java.util.List;

/** A checked lab, with defaults merged, counts expanded and every derived value filled in. */
public record Lab(
    String name,
    String description,
    String specName,
    List<Image> images,
    List<Network> networks,
    List<Machine> machines,
    TargetSettings targets,
    List<Host> hosts) {
  /**
   * A lab's machines live in {@code <lab>.internal}: ".internal" is reserved for private use (ICANN,
   * 2024), so it never resolves on the internet.
   */
  public static final String DOMAIN_SUFFIX = "internal";

  /** A lab on one host: no {@code hosts} in the spec. */
  public Lab(String name, String description, String specName, List<Image> images, List<Network> networks,
      List<Machine> machines, TargetSettings targets) {
    this(name, description, specName, images, networks, machines, targets, List.of());
  }

  /** The lab runs on several hosts (the spec has {@code hosts}); the first one leads. */
  public boolean clustered() {
    return !hosts.isEmpty();
  }

  /** The DNS domain of the lab's machines, e.g. {@code lpic3-353.internal}; each FQDN ends in it. */
  public String domain() {
    return domainOf(name);
  }

  static String domainOf(String labName) {
    return labName + "." + DOMAIN_SUFFIX;
  }

  public Image image(String imageName) {
    return images.stream().filter(i -> i.name().equals(imageName)).findFirst().orElseThrow();
  }

  /** The machines placed on host {@code hostName}, in lab order. */
  public List<Machine> machinesOn(String hostName) {
    return machines.stream().filter(m -> hostName.equals(m.host())).toList();
  }

  public Network network(String networkName) {
    return networks.stream().filter(n -> n.name().equals(networkName)).findFirst().orElseThrow();
  }
}
