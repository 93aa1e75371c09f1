package dev.labforge.targets.inventory;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How ssh gets from the host to each machine. On libvirt, LXD and Xen the host (dom0) has an
 * address on a lab network exactly when no lab machine owns its gateway: libvirt's network, the
 * LXD bridge and dom0's bridge then take the gateway address (libvirt's {@code bridged} kind puts
 * the guests on the host's own LAN). A routed network's bridge has no address, so the host cannot
 * reach a machine's address there directly: ssh jumps through a machine it can reach that shares
 * that network, as few jumps as possible (a chain when the jump needs one itself).
 */
public final class HostReach {
  /**
   * The address ssh connects to ({@code address}, reachable from the host or from {@code jump}),
   * the machine to jump through (null: none), and why, when the way is not plain.
   */
  public record Way(String address, String jump, String note) {}

  private HostReach() {}

  /** One way per machine, by machine name, in spec order. Deterministic: a function of the spec. */
  public static Map<String, Way> of(Lab lab) {
    Set<String> hostNetworks = lab.networks().stream().filter(n -> !n.routedByMachine()).map(Network::name)
        .collect(Collectors.toSet());
    Map<String, Way> ways = new LinkedHashMap<>();
    List<Machine> frontier = new ArrayList<>();
    for (Machine m : lab.machines()) {
      for (Nic nic : m.nics()) {
        if (!nic.dhcp() && hostNetworks.contains(nic.network())) {
          ways.put(m.name(), new Way(nic.ip().toString(), null, null));
          frontier.add(m);
          break;
        }
      }
    }
    // Breadth first: a machine reached in this round is a jump only from the next round on, so every
    // machine gets a shortest chain.
    Map<String, String> owners = new HashMap<>();
    lab.networks().stream().filter(Network::routedByMachine).forEach(n -> owners.put(n.name(), n.gatewayOwner()));
    while (!frontier.isEmpty()) {
      Map<String, Machine> jumps = jumps(frontier, owners);
      List<Machine> next = new ArrayList<>();
      for (Machine m : lab.machines()) {
        if (ways.containsKey(m.name())) {
          continue;
        }
        for (Nic nic : m.nics()) {
          Machine jump = nic.dhcp() ? null : jumps.get(nic.network());
          if (jump != null) {
            ways.put(m.name(), new Way(nic.ip().toString(), jump.name(),
                "reached through " + jump.name() + ": the host has no address on " + nic.network()));
            next.add(m);
            break;
          }
        }
      }
      frontier = next;
    }
    Map<String, Way> inOrder = new LinkedHashMap<>();
    for (Machine m : lab.machines()) {
      inOrder.put(m.name(), ways.containsKey(m.name()) ? ways.get(m.name()) : unreachable(m));
    }
    return inOrder;
  }

  /**
   * The jump into each network from these reachable machines: the network's router (the machine that
   * owns its gateway) when it is one of them, else the first of them on it in spec order.
   */
  private static Map<String, Machine> jumps(List<Machine> reachable, Map<String, String> owners) {
    Map<String, Machine> jumps = new HashMap<>();
    for (Machine m : reachable) {
      for (Nic nic : m.nics()) {
        if (m.name().equals(owners.get(nic.network()))) {
          jumps.put(nic.network(), m);
        } else {
          jumps.putIfAbsent(nic.network(), m);
        }
      }
    }
    return jumps;
  }

  private static Way unreachable(Machine m) {
    String fixed = m.nics().stream().filter(n -> !n.dhcp()).map(n -> n.ip().toString()).findFirst().orElse(null);
    if (fixed == null) {
      return new Way(m.name(), null, "every NIC uses DHCP: HostName is the machine's name, which your resolver must know");
    }
    return new Way(fixed, null, "the host has no address on this machine's networks and no machine it reaches"
        + " leads there: give the lab a network whose gateway no machine owns (docs/targets/inventory.md)");
  }
}
