package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Route;
import java.util.List;
import java.util.Locale;

/**
 * One entry per NIC, in NIC order: the name it gets, the (lower-case) MAC it is matched by, and
 * either DHCP or a static address with its network's DNS. Only the NIC with {@code defaultRoute}
 * carries the gateway, so a machine never has two default routes from us.
 */
public final class GuestNics {
  /** network-config v2 default route: cloud-init 22.4 rejects "to: default". */
  public static final String DEFAULT_DESTINATION = "0.0.0.0/0";

  /**
   * One NIC; {@code ip}, {@code address} (ip/prefix) and {@code gateway} are null where they do not
   * apply. {@code routes} are its network's extra routes, after the default route when it has one.
   */
  public record GuestNic(String name, String mac, String network, boolean dhcp, String ip, String address,
      String netmask, String gateway, List<String> dns, List<Route> routes) {}

  private GuestNics() {}

  public static List<GuestNic> of(Lab lab, Machine machine) {
    return machine.nics().stream().map(n -> nic(lab, n)).toList();
  }

  private static GuestNic nic(Lab lab, Nic n) {
    return new GuestNic(n.ifname(), n.mac().toLowerCase(Locale.ROOT), n.network(), n.dhcp(), n.ip(), n.cidrAddress(),
        n.netmask(), n.defaultRoute() && !n.dhcp() ? n.gateway() : null, n.dns(), n.routes());
  }
}
