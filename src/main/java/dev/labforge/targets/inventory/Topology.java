package dev.labforge.targets.inventory;

import java.util.List;

/**
 * What the pictures show, as raw values: networks in spec order, machines in lab order, each NIC
 * with its network and address, and the hosts that run them ({@code members}: the spec's
 * {@code hosts}, empty for a lab on one host). Both drawings (DOT and SVG) read only this, so they agree.
 */
public record Topology(String lab, String description, List<Net> networks, List<Host> machines, List<Member> members) {

  public Topology(String lab, String description, List<Net> networks, List<Host> machines) {
    this(lab, description, networks, machines, List.of());
  }

  /** A host of the lab (an LXD cluster member). */
  public record Member(String name, String address) {}

  /**
   * Machines by the host that runs them: on one host, one group of every machine without a member;
   * else a group per host that runs any (hosts in spec order, machines in lab order), then the
   * unplaced machines (member null).
   */
  public record Group(Member member, List<Host> machines) {}

  public List<Group> groups() {
    if (members.isEmpty()) {
      return List.of(new Group(null, machines));
    }
    List<Group> groups = new java.util.ArrayList<>();
    for (Member m : members) {
      List<Host> on = machines.stream().filter(h -> m.name().equals(h.member())).toList();
      if (!on.isEmpty()) {
        groups.add(new Group(m, on));
      }
    }
    List<Host> unplaced = machines.stream().filter(h -> h.member() == null).toList();
    if (!unplaced.isEmpty()) {
      groups.add(new Group(null, unplaced));
    }
    return groups;
  }

  /** A network; {@code gateway} is null when no machine or host side owns one worth showing. */
  public record Net(String name, String cidr, String kind, String gateway, boolean gatewayIsMachine) {}

  /** A machine with the facts the picture prints; {@code member} is the host that runs it (null: unplaced). */
  public record Host(String name, String image, int cpus, long memoryMib, boolean forwarding, List<Port> ports,
      String member) {
    public Host(String name, String image, int cpus, long memoryMib, boolean forwarding, List<Port> ports) {
      this(name, image, cpus, memoryMib, forwarding, ports, null);
    }
  }

  /** One NIC; {@code ip} is null for DHCP. */
  public record Port(String ifname, String network, String ip, String mac) {
    public String address() {
      return ip == null ? "dhcp" : ip;
    }
  }

  public int networkIndex(String name) {
    for (int i = 0; i < networks.size(); i++) {
      if (networks.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no network " + name);
  }
}
