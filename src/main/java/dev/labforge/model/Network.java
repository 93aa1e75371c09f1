package dev.labforge.model;

import java.util.List;

/**
 * An IPv4 network; {@code netmask} and {@code prefix} are derived from the CIDR. {@code routes} are
 * the spec's extra routes for the machines on it; {@code gatewayOwner} is the machine (with
 * {@code forwarding}) whose own address is the gateway, or null when the platform's router or host
 * has it.
 */
public record Network(
    String name,
    String cidr,
    String address,
    int prefix,
    String netmask,
    String gateway,
    boolean dhcp,
    List<String> dns,
    String kind,
    List<Route> routes,
    String gatewayOwner) {

  /** Whether a lab machine, not the host or the cloud's router, is this network's gateway. */
  public boolean routedByMachine() {
    return gatewayOwner != null;
  }
}
