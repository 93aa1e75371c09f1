package dev.labforge.targets.cloudinit;

import dev.labforge.model.Address;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Route;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry per NIC, in NIC order: the name it gets, the (lower-case) MAC it is matched by, and
 * either DHCP or a static address with its network's DNS. Only the NIC with {@code defaultRoute}
 * carries the gateway, so a machine never has two default routes from us.
 */
public final class GuestNics {
  /**
   * The OS whose images cloud-init renders for ifupdown (its ENI renderer): Debian 12's cloud-init
   * 22.4 writes every route there as {@code post-up route add ... || true}, and Debian's images have
   * no net-tools, so the routes are lost without a word. The gateway reaches ifupdown as a
   * {@code gateway} line (set with iproute2); the other routes need {@link GuestNic#up()}. Only there:
   * cloud-init 23.4 and later warn on a physical NIC's params (their v1 schema has none), and the
   * images that render with netplan, NetworkManager or sysconfig get every route without them.
   */
  static final String IFUPDOWN_OS = "debian";

  /**
   * One NIC; {@code ip}, {@code address} (ip/prefix), {@code gateway} and {@code up} are null where
   * they do not apply. {@code routes} are its network's extra routes; {@code up} is the shell
   * command ifupdown runs once the NIC is up, which sets them with iproute2.
   */
  public record GuestNic(String name, String mac, String network, boolean dhcp, String ip, String address,
      String netmask, String gateway, List<String> dns, List<GuestRoute> routes, String up) {}

  /** A spec route: {@code to} as CIDR, and the same network as address and netmask. */
  public record GuestRoute(String to, String network, String netmask, String via) {
    static GuestRoute of(Route r) {
      return new GuestRoute(r.to().toString(), r.to().network().toString(), r.to().netmask().toString(),
          r.via().toString());
    }
  }

  private GuestNics() {}

  public static List<GuestNic> of(Lab lab, Machine machine) {
    boolean ifupdown = IFUPDOWN_OS.equals(lab.image(machine.image()).os());
    return machine.nics().stream().map(n -> nic(n, ifupdown)).toList();
  }

  private static GuestNic nic(Nic n, boolean ifupdown) {
    List<GuestRoute> routes = n.routes().stream().map(GuestRoute::of).toList();
    return new GuestNic(n.ifname(), n.mac().toLowerCase(Locale.ROOT), n.network(), n.dhcp(), Objects.toString(n.ip(), null),
        n.cidrAddress(), n.netmask().toString(), n.defaultRoute() && !n.dhcp() ? n.gateway().toString() : null,
        n.dns().stream().map(Address::toString).toList(), routes,
        ifupdown ? upCommand(n.ifname(), routes) : null);
  }

  /**
   * Every route, each tried even when one before it failed: {@code ip route replace} is idempotent
   * (cloud-init's own {@code route add} after it changes nothing, with or without net-tools), and a
   * route that fails names itself on stderr (the journal of networking.service) without failing
   * the {@code up} step, as a failed step makes ifup report the whole NIC as failed.
   */
  static String upCommand(String ifname, List<GuestRoute> routes) {
    if (routes.isEmpty()) {
      return null;
    }
    return routes.stream().map(r -> "ip route replace " + r.to() + " via " + r.via() + " dev " + ifname
        + " || echo \"labforge: no route to " + r.to() + " via " + r.via() + "\" >&2").collect(Collectors.joining("; "));
  }
}
