package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Ipv4.Cidr;
import dev.labforge.spec.Reporter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A network's routes lead somewhere: {@code to} is a real network other than the network itself and
 * the default route, and {@code via} is on the network and either its gateway (the platform's
 * router or host) or the address of a machine that forwards. Which machine may own a gateway is
 * the address rule's question.
 */
final class RoutingRule implements Rule {
  /** Who has an address on a network: a machine's pointer and whether it forwards. */
  private record Owner(String machine, String pointer, boolean forwarding) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public void check(JsonNode spec, Reporter report) {
    Nodes.eachItem(spec.get("networks"), "/networks", (network, at) -> {
      JsonNode routes = network.get("routes");
      Optional<Cidr> cidr = Cidr.parse(Nodes.text(network, "cidr")).filter(Cidr::exact);
      String name = Nodes.text(network, "name");
      if (routes == null || cidr.isEmpty() || name == null) {
        return; // a broken network has its own error
      }
      Map<Long, Owner> owners = owners(spec, name);
      long gateway = Optional.ofNullable(Nodes.text(network, "gateway")).flatMap(Ipv4::parse)
          .orElse(cidr.get().network() + 1);
      Map<String, String> seen = new HashMap<>();
      Nodes.eachItem(routes, at + "/routes", (route, routeAt) -> {
        to(Nodes.text(route, "to"), routeAt + "/to", name, cidr.get(), seen, report);
        via(Nodes.text(route, "via"), routeAt + "/via", name, cidr.get(), gateway, owners, report);
      });
    });
  }

  private static void to(String text, String at, String network, Cidr own, Map<String, String> seen,
      Reporter report) {
    if (text == null) {
      return;
    }
    Optional<Cidr> to = Cidr.parse(text);
    if (to.isEmpty()) {
      report.at(at, "'" + text + "' is not an IPv4 CIDR such as 192.168.56.0/24");
    } else if (!to.get().exact()) {
      report.at(at, "'" + text + "' has host bits set; did you mean " + to.get() + "?");
    } else if (to.get().prefix() == 0) {
      report.at(at, text + " is the default route, which comes from the network's gateway; name the networks to reach");
    } else if (to.get().overlaps(own)) {
      report.at(at, text + " overlaps network '" + network + "' (" + own + ") itself, which its machines reach directly");
    } else {
      String first = seen.putIfAbsent(to.get().toString(), at);
      if (first != null) {
        report.at(at, text + " is already routed by " + first);
      }
    }
  }

  private static void via(String text, String at, String network, Cidr own, long gateway, Map<Long, Owner> owners,
      Reporter report) {
    if (text == null) {
      return;
    }
    Optional<Long> via = Ipv4.parse(text);
    if (via.isEmpty()) {
      report.at(at, "'" + text + "' is not an IPv4 address");
      return;
    }
    Owner owner = owners.get(via.get());
    if (!own.contains(via.get())) {
      report.at(at, text + " is outside network '" + network + "' (" + own + "); the next hop must be on it");
    } else if (via.get() == own.network() || via.get() == own.broadcast()) {
      report.at(at, text + " is the " + (via.get() == own.network() ? "network" : "broadcast") + " address of '"
          + network + "', not a host");
    } else if (owner != null && !owner.forwarding()) {
      report.at(at, text + " is machine '" + owner.machine() + "' (" + owner.pointer()
          + "), which does not forward; set forwarding: true there");
    } else if (owner == null && via.get() != gateway) {
      report.at(at, text + " is not reachable: no machine has this address on '" + network
          + "' and it is not the gateway; use a router's address");
    }
  }

  /** Static and derived addresses on the network, with the machine that has each. */
  private static Map<Long, Owner> owners(JsonNode spec, String network) {
    Map<Long, Owner> owners = new HashMap<>();
    DerivedAddresses derived = null;
    try {
      derived = DerivedAddresses.of(spec);
    } catch (RuntimeException e) {
      // an invalid network, reported by the address rule; static addresses still count
    }
    String first = spec.path("networks").path(0).path("name").asText();
    JsonNode machines = spec.path("machines");
    for (int m = 0; m < machines.size(); m++) {
      JsonNode machine = machines.get(m);
      boolean forwarding = machine.path("forwarding").asBoolean(false);
      // A machine without nics has one NIC on the first network.
      JsonNode nics = machine.has("nics") ? machine.path("nics")
          : JSON.arrayNode().add(JSON.objectNode().put("network", first));
      for (String name : Expansion.names(machine)) {
        for (int i = 0; i < nics.size(); i++) {
          if (!network.equals(nics.get(i).path("network").asText())) {
            continue;
          }
          String pointer = "/machines/" + m + (machine.has("nics") ? "/nics/" + i : "");
          String ip = nics.get(i).hasNonNull("ip") ? nics.get(i).get("ip").asText()
              : derived == null ? null : derived.address(name, i);
          Optional<Long> address = Ipv4.parse(ip);
          if (address.isPresent()) {
            owners.putIfAbsent(address.get(), new Owner(name, pointer, forwarding));
          }
        }
      }
    }
    return owners;
  }
}
