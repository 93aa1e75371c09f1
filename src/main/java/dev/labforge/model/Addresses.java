package dev.labforge.model;

import dev.labforge.spec.Ipv4;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands out derived addresses: per network, the lowest free host address from .10 on (or from
 * the second host on small networks), skipping the gateway, DNS servers and every static IP.
 * Machines are visited in spec order, so the result depends only on the spec.
 */
final class Addresses {
  private final Set<Long> taken = new HashSet<>();
  private final Map<String, Long> cursor = new HashMap<>();

  Addresses(List<Network> networks, JsonNode machines) {
    for (Network n : networks) {
      taken.add(Ipv4.parse(n.gateway()).orElseThrow());
      // A DNS server inside the lab's range is some host's address too.
      n.dns().forEach(dns -> Ipv4.parse(dns).ifPresent(taken::add));
    }
    for (JsonNode machine : machines) {
      for (JsonNode nic : machine.path("nics")) {
        if (nic.hasNonNull("ip")) {
          Ipv4.parse(nic.get("ip").asText()).ifPresent(taken::add);
        }
      }
    }
  }

  Optional<String> next(Network network) {
    Ipv4.Cidr cidr = Ipv4.Cidr.parse(network.cidr()).orElseThrow();
    long hosts = cidr.broadcast() - cidr.network() - 1;
    long start = cidr.network() + (hosts > 20 ? 10 : 1);
    long candidate = cursor.getOrDefault(network.name(), start);
    while (candidate < cidr.broadcast()) {
      if (taken.add(candidate)) {
        cursor.put(network.name(), candidate + 1);
        return Optional.of(Ipv4.format(candidate));
      }
      candidate++;
    }
    return Optional.empty();
  }
}
