package dev.labforge.targets.terraform;

import dev.labforge.model.Address;
import dev.labforge.model.Subnet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subnet's allocation pools: every host address of the CIDR except the gateway and the fixed
 * IPs of our own ports, as the fewest ranges. Neutron hands out pool addresses to its own ports
 * (DHCP agent, DHCP NICs), so a pool that covered our fixed IPs could take one before our port.
 */
final class AllocationPools {
  /** One inclusive range. */
  public record Pool(String start, String end) {}

  private AllocationPools() {}

  static List<Pool> of(Subnet subnet, Address gateway, Set<Address> reserved) {
    Set<Address> taken = new HashSet<>(reserved);
    taken.add(gateway);
    return subnet.freeRanges(taken).stream().map(r -> new Pool(r.first().toString(), r.last().toString())).toList();
  }
}
