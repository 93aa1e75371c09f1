package dev.labforge.targets.terraform;

import dev.labforge.spec.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subnet's allocation pools: every host address of the CIDR except the gateway and the fixed
 * IPs of our own ports, as the fewest ranges. Neutron hands out pool addresses to its own ports
 * (DHCP agent, DHCP NICs), so a pool that covered our fixed IPs could take one before our port.
 */
final class AllocationPools {
  /** One inclusive range. */
  public record Pool(String start, String end) {}

  private AllocationPools() {}

  static List<Pool> of(String cidr, String gateway, Set<String> reserved) {
    Ipv4.Cidr net = Ipv4.Cidr.parse(cidr).orElseThrow();
    Set<Long> taken = new TreeSet<>();
    taken.add(Ipv4.parse(gateway).orElseThrow());
    reserved.forEach(ip -> taken.add(Ipv4.parse(ip).orElseThrow()));
    List<Pool> pools = new ArrayList<>();
    long next = net.network() + 1;
    for (long used : taken) {
      if (used <= net.network() || used >= net.broadcast()) {
        continue;
      }
      if (used > next) {
        pools.add(new Pool(Ipv4.format(next), Ipv4.format(used - 1)));
      }
      next = Math.max(next, used + 1);
    }
    if (next < net.broadcast()) {
      pools.add(new Pool(Ipv4.format(next), Ipv4.format(net.broadcast() - 1)));
    }
    return pools;
  }
}
