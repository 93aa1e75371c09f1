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

  /** {@code jump} as in {@link SshHost}: ansible then goes through ssh_config's Host of that name. */
  public record AnsibleHost(String name, String address, String user, String jump, String fqdn, String image,
      int cpus, long memoryMib, boolean forwarding, List<AnsibleNic> nics) {}

  public record Group(String name, List<String> hosts) {}

  /** A machine as the qemu target runs it: SSH through its management NIC's port forward. */
  public record QemuHost(String name, int port, String user) {}

  /** {@code <machine>.qemu}: no spec name has a dot, so it is never a machine's own Host. */
  public static final String QEMU_SUFFIX = ".qemu";

  private InventoryViews() {}

  /** The account ssh and ansible log in as: the model's login user (null: none, so root). */
  public static String loginUser(Machine m) {
    return m.loginUser() == null ? null : m.loginUser().name();
  }

  public static Map<String, Object> hosts(Lab lab) {
    return Map.of("lab", lab.name(), "lines", LabHosts.lines(lab, null));
  }

  public static Map<String, Object> sshConfig(Lab lab) {
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
    return Map.of("lab", lab.name(), "hosts", hosts, "qemuHosts", qemu);
  }

  public static Map<String, Object> ansible(Lab lab) {
    List<AnsibleHost> hosts = new ArrayList<>();
    Map<String, List<String>> byNetwork = new LinkedHashMap<>();
    lab.networks().forEach(n -> byNetwork.put(n.name(), new ArrayList<>()));
    Map<String, List<String>> byImage = new TreeMap<>();
    List<String> routers = new ArrayList<>();
    Map<String, HostReach.Way> ways = HostReach.of(lab);
    for (Machine m : lab.machines()) {
      List<AnsibleNic> nics = new ArrayList<>();
      for (Nic n : m.nics()) {
        nics.add(new AnsibleNic(n.ifname(), n.network(), n.ip(), n.prefix(), n.mac().toLowerCase(java.util.Locale.ROOT)));
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
          m.memoryMib(), forwarding, nics));
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
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("lab", lab.name());
    view.put("hosts", hosts);
    view.put("groups", groups);
    return view;
  }

  /** Ansible warns about "-" in group names; names here are [a-z0-9-], so "_" cannot collide. */
  static String group(String prefix, String name) {
    return prefix + name.replace('-', '_');
  }

  public static Topology topology(Lab lab) {
    List<Topology.Net> nets = new ArrayList<>();
    for (Network n : lab.networks()) {
      boolean owned = lab.machines().stream().anyMatch(m -> m.nics().stream().anyMatch(x -> n.gateway().equals(x.ip())));
      nets.add(new Topology.Net(n.name(), n.cidr(), n.kind(), n.gateway(), owned));
    }
    List<Topology.Host> hosts = new ArrayList<>();
    for (Machine m : lab.machines()) {
      List<Topology.Port> ports = m.nics().stream()
          .map(n -> new Topology.Port(n.ifname(), n.network(), n.ip(), n.mac().toLowerCase(java.util.Locale.ROOT)))
          .toList();
      hosts.add(new Topology.Host(m.name(), m.image(), m.cpus(), m.memoryMib(), m.forwarding(), ports));
    }
    return new Topology(lab.name(), lab.description(), nets, hosts);
  }
}
