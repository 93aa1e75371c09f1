package dev.labforge.model;

import java.util.List;

/**
 * An IPv4 network: its {@code subnet}, {@code gateway} (the spec's, or the subnet's first host) and
 * {@code dns} servers (the gateway when the spec names none), parsed once by the model builder.
 * {@code routes} are the spec's extra routes for the machines on it; {@code gatewayOwner} is the
 * machine (with {@code forwarding}) whose own address is the gateway, or null when the platform's
 * router or host has it.
 */
public record Network(
    String name,
    Subnet subnet,
    Address gateway,
    boolean dhcp,
    List<Address> dns,
    String kind,
    List<Route> routes,
    String gatewayOwner) {

  /** Whether a lab machine, not the host or the cloud's router, is this network's gateway. */
  public boolean routedByMachine() {
    return gatewayOwner != null;
  }

  public int prefix() {
    return subnet.prefix();
  }

  public Address netmask() {
    return subnet.netmask();
  }

  /** The gateway with the network's prefix, as the host's bridge takes it: {@code 192.168.56.1/24}. */
  public String gatewayCidr() {
    return gateway.withPrefix(subnet.prefix());
  }
}
