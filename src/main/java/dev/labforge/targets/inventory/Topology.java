package dev.labforge.targets.inventory;

import java.util.List;

/**
 * What the pictures show, as raw values: networks in spec order, machines in lab order, each NIC
 * with its network and address. Both drawings (DOT and SVG) read only this, so they agree.
 */
public record Topology(String lab, String description, List<Net> networks, List<Host> machines) {

  /** A network; {@code gateway} is null when no machine or host side owns one worth showing. */
  public record Net(String name, String cidr, String kind, String gateway, boolean gatewayIsMachine) {}

  /** A machine with the facts the picture prints. */
  public record Host(String name, String image, int cpus, long memoryMib, boolean forwarding, List<Port> ports) {}

  /** One NIC; {@code ip} is null for DHCP. */
  public record Port(String ifname, String network, String ip, String mac) {
    public String address() {
      return ip == null ? "dhcp" : ip;
    }
  }

  public int networkIndex(String name) {
    for (int i = 0; i < networks.size(); i++) {
      if (networks.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no network " + name);
  }
}
