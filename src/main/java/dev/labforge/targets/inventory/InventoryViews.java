package dev.labforge.targets.inventory;

import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.targets.qemu.QemuTarget;
import dev.labforge.targets.qemu.QemuWires;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The raw values of {@code hosts}, {@code ssh_config} and {@code ansible.yml}; templates lay them out. */
public final class InventoryViews {
  /** {@code jump}: the Host to go through (ProxyJump), or null when the host reaches the machine itself. */
  public record SshHost(String name, String hostName, String user, String jump, String comment) {}

  public record AnsibleNic(String name, String network, String ip, int prefix, String mac) {}

  /**
   * {@code jump} as in {@link SshHost}: ansible then goes through ssh_config's Host of that name;
   * {@code labHost} is the entry of the spec's hosts that runs the machine (null: unplaced or one host).
   */
  public record AnsibleHost(String name, String address, String user, String jump, String fqdn, String image,
      int cpus, long memoryMib, boolean forwarding, List<AnsibleNic> nics, String labHost) {}

  public record Group(String name, List<String> hosts) {}

  /** A host of the lab and the machines it runs ({@code host} null: the machines placed by the engine). */
  public record Placement(String host, String address, List<String> machines) {}

  /** The view of {@code hosts}: every lab address and its names; where each machine runs (empty on one host). */
  public record HostsView(String lab, List<LabHosts.Line> lines, List<Placement> placements) {}

  /** The view of {@code ssh_config}; {@code qemuHosts} the machines as the qemu target runs them. */
  public record SshConfigView(String lab, List<SshHost> hosts, List<QemuHost> qemuHosts) {}

  /** A machine as the qemu target runs it: SSH through its management NIC's port forward. */
  public record QemuHost(String name, int port, String user) {}

  /** {@code <machine>.qemu}: no spec name has a dot, so it is never a machine's own Host. */
  public static final String QEMU_SUFFIX = ".qemu";

  /**
   * The view of {@code ansible.yml}: hosts in machine order, then groups by network, image, routing
   * and, when the lab has {@code hosts}, by the host that runs them ({@code clustered}).
   */
  public record AnsibleView(String lab, List<AnsibleHost> hosts, List<Group> groups, boolean clustered) {}

  /** The view of {@code topology.svg}: {@code d} is the drawing, laid out in Java (SVG has no layout of its own). */
  public record SvgView(String lab, TopologySvg.Drawing d) {}

  private InventoryViews() {}

  /** The account ssh and ansible log in as: the model's login user (null: none, so root). */
  public static String loginUser(Machine m) {
    return m.loginUser() == null ? null : m.loginUser().name();
  }

  public static HostsView hosts(Lab lab) {
    return new HostsView(lab.name(), LabHosts.lines(lab, null), placements(lab));
  }

  /** Each host with the machines it runs, then the unplaced machines; empty for a lab on one host. */
  static List<Placement> placements(Lab lab) {
    List<Placement> placements = new ArrayList<>();
    for (var host : lab.hosts()) {
      placements.add(new Placement(host.name(), host.address().toString(),
          lab.machinesOn(host.name()).stream().map(Machine::name).toList()));
    }
    List<String> unplaced = lab.machines().stream().filter(m -> m.host() == null).map(Machine::name).toList();
    if (lab.clustered() && !unplaced.isEmpty()) {
      placements.add(new Placement(null, null, unplaced));
    }
    return placements;
  }

  public static SshConfigView sshConfig(Lab lab) {
    List<SshHost> hosts = new ArrayList<>();
    Map<String, HostReach.Way> ways = HostReach.of(lab);
    for (Machine m : lab.machines()) {
      HostReach.Way way = ways.get(m.name());
      hosts.add(new SshHost(m.name(), way.address(), loginUser(m), way.jump(), way.note()));
    }
    List<QemuHost> qemu = new ArrayList<>();
    if (lab.targets().enabled(QemuTarget.ID)) {
      Map<String, Integer> ports = QemuWires.sshPorts(lab);
      for (Machine m : lab.machines()) {
        qemu.add(new QemuHost(m.name() + QEMU_SUFFIX, ports.get(m.name()), loginUser(m)));
      }
    }
    return new SshConfigView(lab.name(), hosts, qemu);
  }

  public static AnsibleView ansible(Lab lab) {
    List<AnsibleHost> hosts = new ArrayList<>();
    Map<String, List<String>> byNetwork = new LinkedHashMap<>();
    lab.networks().forEach(n -> byNetwork.put(n.name(), new ArrayList<>()));
    Map<String, List<String>> byImage = new TreeMap<>();
    List<String> routers = new ArrayList<>();
    Map<String, HostReach.Way> ways = HostReach.of(lab);
    for (Machine m : lab.machines()) {
      List<AnsibleNic> nics = new ArrayList<>();
      for (Nic n : m.nics()) {
        nics.add(new AnsibleNic(n.ifname(), n.network(), java.util.Objects.toString(n.ip(), null), n.prefix(), n.mac().toLowerCase(java.util.Locale.ROOT)));
        List<String> members = byNetwork.get(n.network());
        if (!members.contains(m.name())) {
          members.add(m.name());
        }
      }
      byImage.computeIfAbsent(m.image(), k -> new ArrayList<>()).add(m.name());
      boolean forwarding = m.forwarding();
      if (forwarding) {
        routers.add(m.name());
      }
      HostReach.Way way = ways.get(m.name());
      hosts.add(new AnsibleHost(m.name(), way.address(), loginUser(m), way.jump(), m.fqdn(), m.image(), m.cpus(),
          m.memoryMib(), forwarding, nics, m.host()));
    }
    List<Group> groups = new ArrayList<>();
    byNetwork.forEach((net, members) -> {
      if (!members.isEmpty()) {
        groups.add(new Group(group("net_", net), members));
      }
    });
    byImage.forEach((image, members) -> groups.add(new Group(group("image_", image), members)));
    if (!routers.isEmpty()) {
      groups.add(new Group("routers", routers));
    }
    for (var host : lab.hosts()) {
      List<String> on = lab.machinesOn(host.name()).stream().map(Machine::name).toList();
      if (!on.isEmpty()) {
        groups.add(new Group(group("host_", host.name()), on));
      }
    }
    return new AnsibleView(lab.name(), hosts, groups, lab.clustered());
  }

  /** Ansible warns about "-" in group names; names here are [a-z0-9-], so "_" cannot collide. */
  static String group(String prefix, String name) {
    return prefix + name.replace('-', '_');
  }

  public static Topology topology(Lab lab) {
    List<Topology.Net> nets = new ArrayList<>();
    for (Network n : lab.networks()) {
      nets.add(new Topology.Net(n.name(), n.subnet().toString(), n.kind(), n.gateway().toString(), n.routedByMachine()));
    }
    List<Topology.Host> hosts = new ArrayList<>();
    for (Machine m : lab.machines()) {
      List<Topology.Port> ports = m.nics().stream()
          .map(n -> new Topology.Port(n.ifname(), n.network(), java.util.Objects.toString(n.ip(), null), n.mac().toLowerCase(java.util.Locale.ROOT)))
          .toList();
      hosts.add(new Topology.Host(m.name(), m.image(), m.cpus(), m.memoryMib(), m.forwarding(), ports, m.host()));
    }
    List<Topology.Member> members = lab.hosts().stream()
        .map(h -> new Topology.Member(h.name(), h.address().toString())).toList();
    return new Topology(lab.name(), lab.description(), nets, hosts, members);
  }
}
