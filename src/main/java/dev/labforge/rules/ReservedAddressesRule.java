package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Ipv4.Cidr;
import dev.labforge.spec.Reporter;
import java.util.List;
import java.util.Optional;

/**
 * Addresses that can never be a lab's: loopback, multicast, "this network", the reserved class E
 * range with the limited broadcast, and link-local. A network, a gateway, a static ip, a DNS server,
 * a route's destination or next hop, or the source SSH is allowed from, in one of them is refused
 * with the reason in plain words. Malformed text is the address and routing rules' to report.
 */
final class ReservedAddressesRule implements Rule {
  /** A range no lab address may use, and why, as the user reads it. */
  record Reserved(Cidr range, String name, String why) {
    static Reserved of(String cidr, String name, String why) {
      return new Reserved(Cidr.parse(cidr).orElseThrow(), name, why);
    }
  }

  static final List<Reserved> RANGES = List.of(
      Reserved.of("0.0.0.0/8", "the \"this network\" range",
          "its addresses mean \"no address yet\" and are never a machine's"),
      Reserved.of("127.0.0.0/8", "the loopback range",
          "its addresses never leave the machine itself"),
      Reserved.of("169.254.0.0/16", "the link-local range",
          "routers never forward it, and clouds answer at 169.254.169.254 for their metadata service"),
      Reserved.of("224.0.0.0/4", "the multicast range",
          "its addresses name groups of listeners, never one machine"),
      Reserved.of("240.0.0.0/4", "the reserved range (with the broadcast address 255.255.255.255)",
          "systems refuse to send to it or take an address in it"));

  @Override
  public void check(JsonNode spec, Reporter report) {
    Nodes.eachItem(spec.get("networks"), "/networks", (network, at) -> {
      network(Nodes.text(network, "cidr"), at + "/cidr", report);
      address(Nodes.text(network, "gateway"), at + "/gateway", report);
      Nodes.eachItem(network.get("dns"), at + "/dns", (dns, dnsAt) -> address(dns.isTextual() ? dns.asText() : null,
          dnsAt, report));
      Nodes.eachItem(network.get("routes"), at + "/routes", (route, routeAt) -> {
        network(Nodes.text(route, "to"), routeAt + "/to", report);
        address(Nodes.text(route, "via"), routeAt + "/via", report);
      });
    });
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) ->
        Nodes.eachItem(machine.get("nics"), at + "/nics", (nic, nicAt) ->
            address(Nodes.text(nic, "ip"), nicAt + "/ip", report)));
    JsonNode ssh = spec.path("targets").path("terraform").get("ssh_allowed_from");
    Optional<Cidr> from = Cidr.parse(ssh != null && ssh.isTextual() ? ssh.asText() : null).filter(Cidr::exact);
    for (Reserved r : RANGES) {
      // a source range only needs some address that can connect: 0.0.0.0/0 (anyone) is fine
      if (from.isPresent() && r.range().contains(from.get().network()) && from.get().prefix() >= r.range().prefix()) {
        report.at("/targets/terraform/ssh_allowed_from", from.get() + in(from.get(), r)
            + ", so no SSH client can come from it");
      }
    }
  }

  /** A range the lab routes or owns: refused when any of its addresses is reserved. */
  private static void network(String text, String at, Reporter report) {
    Optional<Cidr> cidr = Cidr.parse(text).filter(Cidr::exact);
    if (cidr.isEmpty() || cidr.get().prefix() == 0) {
      return; // the default route is the routing rule's to refuse
    }
    for (Reserved r : RANGES) {
      if (r.range().overlaps(cidr.get())) {
        boolean inside = r.range().contains(cidr.get().network()) && cidr.get().prefix() >= r.range().prefix();
        report.at(at, cidr.get() + (inside ? in(cidr.get(), r) : " includes " + r.range() + ", " + describe(r)));
        return;
      }
    }
  }

  private static void address(String text, String at, Reporter report) {
    Optional<Long> address = Ipv4.parse(text);
    if (address.isEmpty()) {
      return;
    }
    for (Reserved r : RANGES) {
      if (r.range().contains(address.get())) {
        report.at(at, text + " lies in " + r.range() + ", " + describe(r));
        return;
      }
    }
  }

  /** " is the loopback range: ..." for the range itself, " lies in 127.0.0.0/8, the loopback range: ..." within it. */
  private static String in(Cidr cidr, Reserved r) {
    return cidr.equals(r.range()) ? " is " + describe(r) : " lies in " + r.range() + ", " + describe(r);
  }

  private static String describe(Reserved r) {
    return r.name() + ": " + r.why();
  }
}
