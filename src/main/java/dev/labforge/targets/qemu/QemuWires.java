package dev.labforge.targets.qemu;

import dev.labforge.model.Address;
import dev.labforge.model.Ids;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Subnet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the qemu target's wires meet, derived from names only, so that every file of a lab (the
 * launchers, the seeds' network-config, the inventory's ssh_config) agrees without asking anyone.
 *
 * <p>A lab network is a UDP multicast group and port on the host's loopback: QEMU's {@code socket}
 * netdev binds to the group address and port, so a VM receives exactly the frames sent to that pair.
 * The group is in 239.192.0.0/14 (RFC 2365's organization-local scope, 18 bits), the port in
 * 10000..32767 (below Linux's ephemeral ports, 22768 values), both from the SHA-256 of
 * {@code "qemu-mcast", lab, network}: about 2^32.5 pairs. Two labs' networks meet only when both
 * group and port are equal; for n networks up at once on one host that has a probability below
 * n^2 / 2^33.5 (10^-6 for 100 networks). Within one lab a clash is resolved by rehashing with a
 * salt, in network order, so a lab never joins two of its own networks.
 *
 * <p>Each machine's management NIC is QEMU user-mode networking (slirp, private to that VM) with the
 * guest's SSH forwarded from {@code 127.0.0.1:port}; the port is in 10000..32767 from the hash of
 * {@code "qemu-ssh", lab, machine}, rehashed within the lab on a clash. Another lab's port may be
 * equal (a probability of about k^2 / 45536 for k machines up at once): QEMU then fails to start
 * with "Could not set up host forwarding rule", loudly, and {@code targets.qemu.ssh_port_offset}
 * moves a lab's ports.
 */
public final class QemuWires {
  static final int PORT_FIRST = 10000;
  static final int PORT_COUNT = 32768 - PORT_FIRST;
  /** The guest's address on its management NIC: the slirp network's 15th host, as QEMU's default. */
  static final int GUEST_HOST = 15;
  static final int SLIRP_GATEWAY_HOST = 2;
  static final int SLIRP_DNS_HOST = 3;

  /** RFC 2365's organization-local scope, 239.192.0.0/14. */
  static final Subnet SCOPE = new Subnet(Address.of(239, 192, 0, 0), 14);

  public record Segment(String network, String group, int port) {
    /** The {@code -netdev socket} address, {@code 239.192.x.y:port}. */
    public String address() {
      return group + ":" + port;
    }
  }

  private QemuWires() {}

  /** Every network of the lab, in spec order, with its multicast group and port. */
  public static Map<String, Segment> segments(Lab lab) {
    Map<String, Segment> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Network n : lab.networks()) {
      for (int salt = 0; ; salt++) {
        byte[] h = Ids.sha256("qemu-mcast", lab.name(), n.name(), Integer.toString(salt));
        Address group = SCOPE.network().plus(((h[0] & 0x03L) << 16) | ((h[1] & 0xffL) << 8) | (h[2] & 0xffL));
        int port = PORT_FIRST + (int) (((h[3] & 0xffL) << 8 | (h[4] & 0xffL)) % PORT_COUNT);
        Segment s = new Segment(n.name(), group.toString(), port);
        if (used.add(s.address())) {
          out.put(n.name(), s);
          break;
        }
      }
    }
    return out;
  }

  /** Every machine's SSH port on the host's loopback, distinct within the lab. */
  public static Map<String, Integer> sshPorts(Lab lab) {
    int offset = QemuSettings.of(lab).sshPortOffset();
    Map<String, Integer> out = new LinkedHashMap<>();
    Set<Integer> used = new HashSet<>();
    for (Machine m : lab.machines()) {
      for (int salt = 0; ; salt++) {
        byte[] h = Ids.sha256("qemu-ssh", lab.name(), m.name(), Integer.toString(salt));
        int port = PORT_FIRST + (int) ((((h[0] & 0xffL) << 8 | (h[1] & 0xffL)) + offset) % PORT_COUNT);
        if (used.add(port)) {
          out.put(m.name(), port);
          break;
        }
      }
    }
    return out;
  }

  /** The management NIC's MAC: 52:54:01, so never one of the lab NICs' 52:54:00 addresses. */
  public static String managementMac(Lab lab, Machine m) {
    byte[] h = Ids.sha256("qemu-mgmt-mac", lab.name(), m.name());
    return String.format("52:54:01:%02x:%02x:%02x", h[0] & 0xff, h[1] & 0xff, h[2] & 0xff);
  }

  /**
   * The user-mode network: QEMU's 10.0.2.0/24 unless a lab network overlaps it, then the first of
   * 10.0.3.0/24, 10.0.4.0/24, ... 10.0.255.0/24 that overlaps none (a guest must not have a lab
   * address and its management address in one subnet).
   */
  public static Subnet managementSubnet(Lab lab) {
    List<Subnet> taken = lab.networks().stream().map(Network::subnet).toList();
    for (int third = 2; third < 256; third++) {
      Subnet c = new Subnet(Address.of(10, 0, third, 0), 24);
      if (taken.stream().noneMatch(t -> t.contains(c) || c.contains(t))) {
        return c;
      }
    }
    return new Subnet(Address.of(172, 31, 255, 0), 24);
  }

  static String host(Subnet subnet, int n) {
    return subnet.host(n).toString();
  }

  /** The guest's management address with its prefix, e.g. 10.0.2.15/24. */
  public static String guestAddress(Lab lab) {
    return host(managementSubnet(lab), GUEST_HOST) + "/24";
  }

  /** slirp's router: the guest's default route goes there only when no lab NIC has one. */
  public static String slirpGateway(Lab lab) {
    return host(managementSubnet(lab), SLIRP_GATEWAY_HOST);
  }

  public static String slirpDns(Lab lab) {
    return host(managementSubnet(lab), SLIRP_DNS_HOST);
  }

  /** Whether the management NIC carries the default route: the spec gives the machine none. */
  public static boolean managementIsDefault(Machine m) {
    return m.nics().stream().noneMatch(n -> n.defaultRoute());
  }

  /** The management NIC of machine m as the seed sees it, when the qemu target is on. */
  public static Optional<ManagementNic> managementNic(Lab lab, Machine m) {
    if (!lab.targets().enabled(QemuTarget.ID)) {
      return Optional.empty();
    }
    boolean isDefault = managementIsDefault(m);
    return Optional.of(new ManagementNic(QemuTarget.MANAGEMENT_IFNAME, managementMac(lab, m), guestAddress(lab),
        isDefault ? slirpGateway(lab) : null, List.of(slirpDns(lab))));
  }

  /** The management NIC as the seed's bootcmd raises it (QemuTarget.guestBootCommands). */
  public record ManagementNic(String name, String mac, String address, String gateway, List<String> dns) {}
}
