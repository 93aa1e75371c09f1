package dev.labforge.target.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry per NIC, in NIC order: the name it gets, the (lower-case) MAC it is matched by, and
 * either DHCP or a static address with its network's DNS. Only the NIC with {@code defaultRoute}
 * carries the gateway, so a machine never has two default routes from us.
 */
public final class GuestNics {
  /** network-config v2 default route: cloud-init 22.4 rejects "to: default". */
  public static final String DEFAULT_DESTINATION = "0.0.0.0/0";

  private GuestNics() {}

  public static List<Map<String, Object>> of(Lab lab, Machine machine) {
    List<Map<String, Object>> nics = new ArrayList<>();
    for (Nic nic : machine.nics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", nic.ifname());
      m.put("mac", nic.mac().toLowerCase(Locale.ROOT));
      m.put("network", nic.network());
      m.put("dhcp", nic.dhcp());
      m.put("address", nic.dhcp() ? "" : nic.cidrAddress());
      m.put("ip", nic.dhcp() ? "" : nic.ip());
      m.put("netmask", nic.netmask());
      m.put("gateway", nic.defaultRoute() && !nic.dhcp() ? nic.gateway() : "");
      m.put("dns", lab.network(nic.network()).dns());
      nics.add(m);
    }
    return nics;
  }
}
