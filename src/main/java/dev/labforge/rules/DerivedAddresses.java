package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Ipv4;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The addresses of NICs without an {@code ip} on static networks: per network, the lowest free
 * host address from .10 on (or from the second host on small networks), skipping the gateway, DNS
 * servers and every static IP. Machines are visited in spec order, so the result depends only on
 * the spec. The address rule reports a network that runs out; the model takes the addresses.
 */
public final class DerivedAddresses {
  /** A NIC of an expanded machine. */
  public record NicKey(String machine, int nic) {}

  /** A NIC that found no free address, and where the spec asks for it. */
  public record Shortage(String pointer, String network, String cidr, String machine) {}

  private record Net(String name, Ipv4.Cidr cidr, boolean dhcp) {}

  private final Map<NicKey, String> addresses = new LinkedHashMap<>();
  private final List<Shortage> shortages = new java.util.ArrayList<>();

  private DerivedAddresses() {}

  /** Expects networks that passed the address rule's own checks (valid CIDRs and gateways). */
  public static DerivedAddresses of(JsonNode spec) {
    DerivedAddresses d = new DerivedAddresses();
    Map<String, Net> networks = new LinkedHashMap<>();
    Set<Long> taken = new HashSet<>();
    for (JsonNode n : spec.path("networks")) {
      Ipv4.Cidr cidr = Ipv4.Cidr.parse(n.path("cidr").asText()).orElseThrow();
      String name = n.path("name").asText();
      networks.putIfAbsent(name, new Net(name, cidr, n.path("dhcp").asBoolean(false)));
      taken.add(n.hasNonNull("gateway") ? Ipv4.parse(n.get("gateway").asText()).orElseThrow() : cidr.network() + 1);
      // A DNS server inside the lab's range is some host's address too.
      n.path("dns").forEach(dns -> Ipv4.parse(dns.asText()).ifPresent(taken::add));
    }
    for (JsonNode machine : spec.path("machines")) {
      for (JsonNode nic : machine.path("nics")) {
        if (nic.hasNonNull("ip")) {
          Ipv4.parse(nic.get("ip").asText()).ifPresent(taken::add);
        }
      }
    }
    String first = networks.keySet().stream().findFirst().orElse(null);
    Map<String, Long> cursor = new HashMap<>();
    JsonNode machines = spec.path("machines");
    for (int m = 0; m < machines.size(); m++) {
      JsonNode node = machines.get(m);
      for (String name : Expansion.names(node)) {
        JsonNode nics = node.get("nics");
        if (nics == null) {
          d.derive(networks.get(first), new NicKey(name, 0), "/machines/" + m, taken, cursor);
          continue;
        }
        for (int i = 0; i < nics.size(); i++) {
          if (!nics.get(i).hasNonNull("ip")) {
            d.derive(networks.get(nics.get(i).path("network").asText()), new NicKey(name, i),
                "/machines/" + m + "/nics/" + i, taken, cursor);
          }
        }
      }
    }
    return d;
  }

  private void derive(Net net, NicKey key, String pointer, Set<Long> taken, Map<String, Long> cursor) {
    if (net == null || net.dhcp()) {
      return;
    }
    Ipv4.Cidr cidr = net.cidr();
    long hosts = cidr.broadcast() - cidr.network() - 1;
    long candidate = cursor.getOrDefault(net.name(), cidr.network() + (hosts > 20 ? 10 : 1));
    while (candidate < cidr.broadcast()) {
      if (taken.add(candidate)) {
        cursor.put(net.name(), candidate + 1);
        addresses.put(key, Ipv4.format(candidate));
        return;
      }
      candidate++;
    }
    shortages.add(new Shortage(pointer, net.name(), cidr.toString(), key.machine()));
  }

  /** The derived address of a NIC, or null (DHCP, a static ip, or none left). */
  public String address(String machine, int nic) {
    return addresses.get(new NicKey(machine, nic));
  }

  public List<Shortage> shortages() {
    return List.copyOf(shortages);
  }
}
