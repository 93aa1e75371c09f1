package dev.labforge.model;

/**
 * A network interface. {@code ip} is null when the NIC uses DHCP. Only the first NIC carries the
 * default route, so a machine never gets two. {@code dns} is its network's DNS servers (the
 * gateway when the spec names none), decided once for every target.
 */
public record Nic(
    int index,
    String ifname,
    String network,
    String ip,
    int prefix,
    String netmask,
    String gateway,
    String mac,
    boolean defaultRoute,
    java.util.List<String> dns,
    java.util.List<Route> routes) {

  public boolean dhcp() {
    return ip == null;
  }

  /** The address with its prefix, e.g. 192.168.56.10/24, or null for DHCP. */
  public String cidrAddress() {
    return ip == null ? null : ip + "/" + prefix;
  }
}
