package dev.labforge.model;

import java.util.List;

/**
 * A network interface on the network named {@code network}, whose {@code subnet} and
 * {@code gateway} it carries. {@code ip} is null when the NIC uses DHCP. Only the first NIC carries
 * the default route, so a machine never gets two. {@code dns} is its network's DNS servers (the
 * gateway when the spec names none), decided once for every target.
 */
public record Nic(
    int index,
    String ifname,
    String network,
    Address ip,
    Subnet subnet,
    Address gateway,
    String mac,
    boolean defaultRoute,
    List<Address> dns,
    List<Route> routes) {

  public boolean dhcp() {
    return ip == null;
  }

  public int prefix() {
    return subnet.prefix();
  }

  public Address netmask() {
    return subnet.netmask();
  }

  /** The address with its prefix, e.g. 192.168.56.10/24, or null for DHCP. */
  public String cidrAddress() {
    return ip == null ? null : ip.withPrefix(subnet.prefix());
  }
}
