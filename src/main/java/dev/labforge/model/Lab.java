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
    TargetSettings targets) {

  public Image image(String imageName) {
    return images.stream().filter(i -> i.name().equals(imageName)).findFirst().orElseThrow();
  }

  public Network network(String networkName) {
    return networks.stream().filter(n -> n.name().equals(networkName)).findFirst().orElseThrow();
  }
}
