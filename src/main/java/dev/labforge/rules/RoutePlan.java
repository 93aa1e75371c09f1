package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Ipv4.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's routing as the machines will have it, read from a spec whose networks and routes are
 * each valid: every network with its gateway and routes, every machine (after count) with its
 * address on each of its networks. The model gives each machine the same routes (ModelBuilder):
 * its networks' routes except those through its own address or to a network it is on, and a
 * default route through the gateway of its first network whose gateway it does not own.
 */
final class RoutePlan {
  /** A route of the spec, at {@code pointer} (/networks/i/routes/j). */
  record Route(String pointer, Cidr to, long via) {}

  record Net(String name, Cidr cidr, long gateway, List<Route> routes) {}

  /** A machine after count: its addresses by network, in NIC order. */
  record Host(String name, String pointer, boolean forwarding, Map<String, Long> addresses) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final Map<String, Net> networks = new LinkedHashMap<>();
  final List<Host> hosts = new ArrayList<>();
  private final Map<String, Map<Long, Host>> owners = new HashMap<>();

  private RoutePlan() {}

  /**
   * The plan, or empty when no network has routes, or a network, route or address is broken (each
   * has its own error).
   */
  static Optional<RoutePlan> of(JsonNode spec) {
    boolean any = false;
    for (JsonNode network : spec.path("networks")) {
      any |= network.path("routes").size() > 0;
    }
    if (!any) {
      return Optional.empty(); // nothing to follow; a big lab without routes pays nothing
    }
    RoutePlan plan = new RoutePlan();
    for (int n = 0; n < spec.path("networks").size(); n++) {
      JsonNode network = spec.path("networks").get(n);
      Optional<Cidr> cidr = Cidr.parse(Nodes.text(network, "cidr")).filter(Cidr::exact);
      String name = Nodes.text(network, "name");
      if (cidr.isEmpty() || name == null) {
        return Optional.empty();
      }
      long gateway = Optional.ofNullable(Nodes.text(network, "gateway")).flatMap(Ipv4::parse)
          .orElse(cidr.get().network() + 1);
      List<Route> routes = new ArrayList<>();
      JsonNode list = network.path("routes");
      for (int r = 0; r < list.size(); r++) {
        Optional<Cidr> to = Cidr.parse(Nodes.text(list.get(r), "to")).filter(Cidr::exact);
        Optional<Long> via = Ipv4.parse(Nodes.text(list.get(r), "via"));
        if (to.isEmpty() || via.isEmpty()) {
          return Optional.empty();
        }
        routes.add(new Route("/networks/" + n + "/routes/" + r, to.get(), via.get()));
      }
      plan.networks.put(name, new Net(name, cidr.get(), gateway, List.copyOf(routes)));
    }
    DerivedAddresses derived;
    try {
      derived = DerivedAddresses.of(spec);
    } catch (RuntimeException e) {
      return Optional.empty(); // a full or broken network, reported by the address rule
    }
    String first = spec.path("networks").path(0).path("name").asText();
    JsonNode machines = spec.path("machines");
    for (int m = 0; m < machines.size(); m++) {
      JsonNode machine = machines.get(m);
      // A machine without nics has one NIC on the first network.
      JsonNode nics = machine.has("nics") ? machine.path("nics")
          : JSON.arrayNode().add(JSON.objectNode().put("network", first));
      for (String name : Expansion.names(machine)) {
        Map<String, Long> addresses = new LinkedHashMap<>();
        for (int i = 0; i < nics.size(); i++) {
          String network = nics.get(i).path("network").asText();
          if (!plan.networks.containsKey(network)) {
            return Optional.empty();
          }
          String ip = nics.get(i).hasNonNull("ip") ? nics.get(i).get("ip").asText() : derived.address(name, i);
          addresses.putIfAbsent(network, Ipv4.parse(ip).orElse(-1L)); // -1: DHCP, no fixed address
        }
        Host host = new Host(name, "/machines/" + m, machine.path("forwarding").asBoolean(false), addresses);
        plan.hosts.add(host);
        addresses.forEach((network, ip) -> plan.owners.computeIfAbsent(network, k -> new HashMap<>()).putIfAbsent(ip, host));
      }
    }
    return Optional.of(plan);
  }

  /** The machine with this address on the network, or null (the host's or the cloud's router). */
  Host owner(String network, long address) {
    return owners.getOrDefault(network, Map.of()).get(address);
  }

  /** The routes the machine gets, as the model gives them: by network, in NIC order. */
  Map<Net, List<Route>> routes(Host host) {
    Map<Net, List<Route>> out = new LinkedHashMap<>();
    for (String network : host.addresses().keySet()) {
      Net net = networks.get(network);
      out.put(net, net.routes().stream()
          .filter(r -> !host.addresses().containsValue(r.via()) && !onNetwork(host, r.to())).toList());
    }
    return out;
  }

  /** Whether one of the machine's networks holds the whole of {@code to} (the model drops such a route). */
  boolean onNetwork(Host host, Cidr to) {
    return host.addresses().keySet().stream().map(n -> networks.get(n).cidr())
        .anyMatch(c -> c.contains(to.network()) && c.prefix() <= to.prefix());
  }

  /** The network of the machine's default route: its first whose gateway it does not own; null if none. */
  Net defaultNetwork(Host host) {
    for (Map.Entry<String, Long> a : host.addresses().entrySet()) {
      Net net = networks.get(a.getKey());
      if (net.gateway() != a.getValue()) {
        return net;
      }
    }
    return null;
  }
}
