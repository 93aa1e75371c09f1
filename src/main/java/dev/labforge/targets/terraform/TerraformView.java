package dev.labforge.targets.terraform;

import dev.labforge.model.Address;
import dev.labforge.model.Disk;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The view the four .tf templates lay out. Raw strings stay raw here: templates escape them with
 * esc.hcl, and HclFormat.align lines up the {@code =} signs as terraform fmt does. {@code routers}
 * and {@code forwarding} say whether any network is routed by a machine and any machine forwards:
 * labs without routing keep their files as they were, the routing attributes appear only then.
 */
public record TerraformView(String lab, String externalNetwork, String sshAllowedFrom, boolean floatingIps,
    String publicKey, List<TerraformView.NetworkView> networks, boolean routers, boolean forwarding,
    List<TerraformView.RouteView> routes, List<TerraformView.MachineView> machines,
    List<TerraformView.PortView> ports, List<TerraformView.DiskView> disks, List<String> devices,
    List<TerraformView.Entry> images, List<TerraformView.Entry> flavors) {
  /** A port key, e.g. {@code cloud/eth0}: a machine name never holds '/', so keys never clash. */
  static String portKey(Machine m, Nic nic) {
    return m.name() + "/" + nic.ifname();
  }

  /** {@code routerInterface}: the lab's Neutron router joins it (not where a router machine owns the gateway). */
  public record NetworkView(String name, String cidr, String gateway, boolean dhcp, List<String> dns,
      List<AllocationPools.Pool> pools, boolean routerInterface) {}

  /** A spec route, as a subnet route of its network. */
  public record RouteView(String key, String network, String to, String via) {}

  public record MachineView(String name, String image, String userData, List<String> ports, String sshUser,
      String instanceId) {}

  /**
   * {@code forwards}: for a router machine's port, the networks whose packets it may pass (every lab
   * network and route destination), as allowed address pairs; empty for other ports.
   */
  public record PortView(String key, String machine, String network, String ip, String mac, List<String> forwards) {}

  public record DiskView(String key, String machine, String name, long sizeGib, String device) {}

  /** One line of a map literal; HclFormat.align lines up the '=' signs afterwards. */
  public record Entry(String key, String value) {}

  static TerraformView of(Lab lab) {
    TerraformSettings settings = TerraformSettings.of(lab);
    List<MachineView> machines = new ArrayList<>();
    List<PortView> ports = new ArrayList<>();
    List<DiskView> disks = new ArrayList<>();
    Set<String> devices = new TreeSet<>();
    for (Machine m : lab.machines()) {
      List<String> keys = new ArrayList<>();
      for (Nic nic : m.nics()) {
        keys.add(portKey(m, nic));
        ports.add(new PortView(portKey(m, nic), m.name(), nic.network(), java.util.Objects.toString(nic.ip(), null), nic.mac(),
            m.forwarding() ? forwarded(lab) : List.of()));
      }
      String user = m.loginUser() == null ? null : m.loginUser().name();
      machines.add(new MachineView(m.name(), m.image(), "../../cloud-init/" + m.name() + "/user-data",
          List.copyOf(keys), user, m.instanceId()));
      for (Disk d : m.disks()) {
        disks.add(new DiskView(m.name() + "/" + d.name(), m.name(), d.name(), d.sizeGib(), d.device()));
        devices.add(d.device());
      }
    }
    Map<String, String> flavors = new LinkedHashMap<>();
    lab.machines().forEach(m -> flavors.put(m.name(), Flavors.of(m, settings.flavors())));
    return new TerraformView(lab.name(), settings.externalNetwork(), settings.sshAllowedFrom(),
        settings.floatingIps(), publicKey(lab), networks(lab),
        lab.networks().stream().anyMatch(Network::routedByMachine),
        lab.machines().stream().anyMatch(Machine::forwarding), routes(lab), machines, ports, disks,
        List.copyOf(devices), entries(images(lab)), entries(flavors));
  }

  private static List<NetworkView> networks(Lab lab) {
    List<NetworkView> out = new ArrayList<>();
    for (Network n : lab.networks()) {
      Set<Address> fixed = new TreeSet<>();
      lab.machines().forEach(m -> m.nics().stream()
          .filter(nic -> nic.network().equals(n.name()) && !nic.dhcp()).forEach(nic -> fixed.add(nic.ip())));
      out.add(new NetworkView(n.name(), n.subnet().toString(), n.gateway().toString(), n.dhcp(),
          n.dns().stream().map(Address::toString).toList(), AllocationPools.of(n.subnet(), n.gateway(), fixed),
          !n.routedByMachine()));
    }
    return out;
  }

  /** What a router passes on: the lab's networks and the spec's route destinations, never 0.0.0.0/0. */
  private static List<String> forwarded(Lab lab) {
    Set<String> cidrs = new java.util.LinkedHashSet<>();
    lab.networks().forEach(n -> cidrs.add(n.subnet().toString()));
    lab.networks().forEach(n -> n.routes().forEach(r -> cidrs.add(r.to().toString())));
    return List.copyOf(cidrs);
  }

  private static List<RouteView> routes(Lab lab) {
    List<RouteView> out = new ArrayList<>();
    for (Network n : lab.networks()) {
      n.routes().forEach(r -> out.add(new RouteView(n.name() + "/" + r.to(), n.name(), r.to().toString(),
          r.via().toString())));
    }
    return out;
  }

  /** The key pair's public key: the first key of the first user, in machine order, that has one. */
  private static String publicKey(Lab lab) {
    for (Machine m : lab.machines()) {
      for (User u : m.users()) {
        if (!u.sshAuthorizedKeys().isEmpty()) {
          return u.sshAuthorizedKeys().get(0);
        }
      }
    }
    return null;
  }

  /** Images machines boot, spec name to Glance name. */
  private static Map<String, String> images(Lab lab) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new TreeSet<>();
    lab.machines().forEach(m -> used.add(m.image()));
    for (Image image : lab.images()) {
      if (used.contains(image.name())) {
        out.put(image.name(), image.openstackImage());
      }
    }
    return out;
  }

  private static List<Entry> entries(Map<String, String> map) {
    List<Entry> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(new Entry(k, v)));
    return out;
  }

}
