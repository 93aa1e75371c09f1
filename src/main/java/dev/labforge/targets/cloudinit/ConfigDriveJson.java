package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Route;
import dev.labforge.spec.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenStack config drive's JSON documents, shaped as nova writes them (nova's
 * doc/api_schemas/network_data.json; cloud-init's sources/helpers/openstack.py reads them).
 */
public final class ConfigDriveJson {
  static final String AVAILABILITY_ZONE = "nova";

  private ConfigDriveJson() {}

  /** meta_data.json; cloud-init refuses a drive whose metadata has no uuid. */
  public static Map<String, Object> metaData(Lab lab, Machine machine) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", machine.uuid());
    m.put("name", machine.name());
    m.put("hostname", machine.hostname());
    // Each instance is its own boot request (as Terraform creates them), so its index is 0.
    m.put("launch_index", 0);
    m.put("availability_zone", AVAILABILITY_ZONE);
    Map<String, String> named = GuestUsers.namedKeys(machine);
    m.put("public_keys", named);
    List<Map<String, String>> keys = new ArrayList<>();
    named.forEach((name, key) -> keys.add(Map.of("name", name, "type", "ssh", "data", key)));
    m.put("keys", keys);
    m.put("meta", Map.of("lab", lab.name(), "machine", machine.name(), "instance_id", machine.instanceId()));
    return m;
  }

  /** network_data.json: links (by MAC), networks (static ipv4 or ipv4_dhcp), DNS services. */
  public static Map<String, Object> networkData(Lab lab, Machine machine) {
    List<Map<String, Object>> links = new ArrayList<>();
    List<Map<String, Object>> networks = new ArrayList<>();
    Set<String> allDns = new LinkedHashSet<>();
    List<GuestNics.GuestNic> nics = GuestNics.of(lab, machine);
    for (int i = 0; i < nics.size(); i++) {
      GuestNics.GuestNic nic = nics.get(i);
      // "name" is cloud-init's extension to nova's links: without it the NIC keeps the kernel's
      // name (ens3) on a config drive, while NoCloud's set-name makes it eth0.
      links.add(Map.of("id", nic.name(), "name", nic.name(), "type", "phy", "ethernet_mac_address", nic.mac()));
      Map<String, Object> net = new LinkedHashMap<>();
      net.put("id", "network" + i);
      net.put("link", nic.name());
      net.put("network_id", nic.network());
      allDns.addAll(nic.dns());
      if (nic.dhcp()) {
        net.put("type", "ipv4_dhcp");
      } else {
        net.put("type", "ipv4");
        net.put("ip_address", nic.ip());
        net.put("netmask", nic.netmask());
        net.put("routes", routes(nic));
      }
      net.put("services", dnsServices(nic.dns()));
      networks.add(net);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", links);
    m.put("networks", networks);
    m.put("services", dnsServices(allDns));
    return m;
  }

  /**
   * The default route (on the NIC that has it), then the network's extra routes; a DHCP NIC gets
   * its routes from the DHCP server (the subnet's host routes), as nova leaves them out there too.
   */
  private static List<Map<String, String>> routes(GuestNics.GuestNic nic) {
    List<Map<String, String>> routes = new ArrayList<>();
    if (nic.gateway() != null) {
      routes.add(route("0.0.0.0", "0.0.0.0", nic.gateway()));
    }
    for (Route r : nic.routes()) {
      Ipv4.Cidr to = Ipv4.Cidr.parse(r.to()).orElseThrow();
      routes.add(route(Ipv4.format(to.network()), to.netmask(), r.via()));
    }
    return routes;
  }

  private static Map<String, String> route(String network, String netmask, String gateway) {
    Map<String, String> route = new LinkedHashMap<>();
    route.put("network", network);
    route.put("netmask", netmask);
    route.put("gateway", gateway);
    return route;
  }

  private static List<Map<String, String>> dnsServices(Iterable<String> addresses) {
    List<Map<String, String>> services = new ArrayList<>();
    addresses.forEach(a -> services.add(Map.of("type", "dns", "address", a)));
    return services;
  }
}
