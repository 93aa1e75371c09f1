package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Ipv4.Cidr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** CIDRs are real networks that don't overlap; static IPs sit inside theirs and are used once. */
final class AddressesRule implements Rule {
  static final int MIN_PREFIX = 8;
  static final int MAX_PREFIX = 30;

  private record Net(Cidr cidr, long gateway, boolean dhcp, boolean nat) {}

  @Override
  public void check(JsonNode spec, Reporter report) {
    Map<String, Net> networks = new LinkedHashMap<>();
    Map<String, String> cidrOwner = new LinkedHashMap<>();
    Nodes.eachItem(spec.get("networks"), "/networks", (network, at) -> {
      Optional<Cidr> cidr = cidr(Nodes.text(network, "cidr"), at + "/cidr", report);
      if (cidr.isEmpty()) {
        return;
      }
      for (Map.Entry<String, String> other : cidrOwner.entrySet()) {
        Cidr otherCidr = Cidr.parse(other.getKey()).orElseThrow();
        if (otherCidr.overlaps(cidr.get())) {
          report.at(at + "/cidr", cidr.get() + " overlaps " + otherCidr + " of " + other.getValue());
        }
      }
      cidrOwner.put(cidr.get().toString(), at);
      long gateway = gateway(network, at, cidr.get(), report);
      Nodes.eachItem(network.get("dns"), at + "/dns", (dns, dnsAt) -> {
        if (dns.isTextual() && Ipv4.parse(dns.asText()).isEmpty()) {
          report.at(dnsAt, "'" + dns.asText() + "' is not an IPv4 address");
        }
      });
      String name = Nodes.text(network, "name");
      if (name != null) {
        networks.putIfAbsent(name, new Net(cidr.get(), gateway, network.path("dhcp").asBoolean(false),
            "nat".equals(Nodes.text(network, "kind"))));
      }
    });
    checkNics(spec, networks, report);
    if (networks.size() == spec.path("networks").size()) {
      shortages(spec, report); // only over networks that are sound; a broken one has its own error
    }
    JsonNode ssh = spec.path("targets").path("terraform").get("ssh_allowed_from");
    if (ssh != null && ssh.isTextual()) {
      cidr(ssh.asText(), "/targets/terraform/ssh_allowed_from", report);
    }
  }

  private static Optional<Cidr> cidr(String text, String at, Reporter report) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Cidr> cidr = Cidr.parse(text);
    if (cidr.isEmpty()) {
      report.at(at, "'" + text + "' is not an IPv4 CIDR such as 192.168.56.0/24");
      return Optional.empty();
    }
    if (!cidr.get().exact()) {
      report.at(at, "'" + text + "' has host bits set; did you mean " + cidr.get() + "?");
      return Optional.empty();
    }
    if (at.startsWith("/networks") && (cidr.get().prefix() < MIN_PREFIX || cidr.get().prefix() > MAX_PREFIX)) {
      report.at(at, "prefix /" + cidr.get().prefix() + " is out of range; use /" + MIN_PREFIX
          + " to /" + MAX_PREFIX);
      return Optional.empty();
    }
    return cidr;
  }

  private static long gateway(JsonNode network, String at, Cidr cidr, Reporter report) {
    String text = Nodes.text(network, "gateway");
    if (text == null) {
      return cidr.network() + 1;
    }
    Optional<Long> gateway = Ipv4.parse(text);
    if (gateway.isEmpty()) {
      report.at(at + "/gateway", "'" + text + "' is not an IPv4 address");
      return -1;
    }
    if (!usable(cidr, gateway.get())) {
      report.at(at + "/gateway", text + " is not a host address of " + cidr);
    }
    return gateway.get();
  }

  private static void checkNics(JsonNode spec, Map<String, Net> networks, Reporter report) {
    Map<Long, String> used = new HashMap<>();
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) ->
        Nodes.eachItem(machine.get("nics"), at + "/nics", (nic, nicAt) -> {
          String ipText = Nodes.text(nic, "ip");
          Net net = networks.get(Nodes.text(nic, "network"));
          if (ipText == null) {
            return;
          }
          Optional<Long> ip = Ipv4.parse(ipText);
          if (ip.isEmpty()) {
            report.at(nicAt + "/ip", "'" + ipText + "' is not an IPv4 address");
            return;
          }
          if (Expansion.names(machine).size() > 1) {
            report.at(nicAt + "/ip", "a static ip cannot be shared by the "
                + Expansion.names(machine).size() + " machines count makes; leave it out to derive one each");
          }
          String first = used.putIfAbsent(ip.get(), nicAt);
          if (first != null) {
            report.at(nicAt + "/ip", ipText + " is already used by " + first);
          }
          if (net == null) {
            return;
          }
          String networkName = Nodes.text(nic, "network");
          if (!net.cidr().contains(ip.get())) {
            report.at(nicAt + "/ip", ipText + " is outside network '" + networkName + "' (" + net.cidr() + ")");
          } else if (ip.get() == net.cidr().network()) {
            report.at(nicAt + "/ip", ipText + " is the network address of '" + networkName + "'");
          } else if (ip.get() == net.cidr().broadcast()) {
            report.at(nicAt + "/ip", ipText + " is the broadcast address of '" + networkName + "'");
          } else if (ip.get() == net.gateway()) {
            gatewayOwner(machine, net, nicAt + "/ip", ipText, networkName, report);
          }
        }));
  }

  /**
   * Only a router may be a network's gateway; and not on a DHCP network, whose DHCP server (the
   * host's dnsmasq in libvirt and LXD) answers from the gateway address, nor on a NAT network,
   * where the host is the gateway.
   */
  private static void gatewayOwner(JsonNode machine, Net net, String at, String ip, String network,
      Reporter report) {
    if (!machine.path("forwarding").asBoolean(false)) {
      report.at(at, ip + " is the gateway of '" + network + "'; only a machine with forwarding: true may own it");
    } else if (net.dhcp()) {
      report.at(at, ip + " is the gateway of '" + network + "', which has dhcp: true; its DHCP server answers from"
          + " the gateway address, so a machine cannot own it");
    } else if (net.nat()) {
      report.at(at, ip + " is the gateway of '" + network + "', which has kind: nat; the host's NAT is its gateway,"
          + " so a machine cannot own it");
    }
  }

  /**
   * Derived addresses run out when a network has fewer free hosts than NICs that need one. Only
   * asked when every network is sound; otherwise its own error comes first.
   */
  private static void shortages(JsonNode spec, Reporter report) {
    DerivedAddresses derived;
    try {
      derived = DerivedAddresses.of(spec);
    } catch (RuntimeException e) {
      return; // an invalid network, already reported above or by the schema
    }
    for (DerivedAddresses.Shortage s : derived.shortages()) {
      report.at(s.pointer(), "network '" + s.network() + "' (" + s.cidr() + ") has no free address left for machine '"
          + s.machine() + "'");
    }
  }

  static boolean usable(Cidr cidr, long address) {
    return cidr.contains(address) && address != cidr.network() && address != cidr.broadcast();
  }
}
