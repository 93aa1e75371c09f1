package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
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
      Map<String, Object> link = new LinkedHashMap<>(
          Map.of("id", nic.name(), "name", nic.name(), "type", "phy", "ethernet_mac_address", nic.mac()));
      if (nic.up() != null) {
        // cloud-init keeps a link's params (convert_net_json) and its ifupdown renderer writes them
        // into the NIC's stanza: the same `up` line as the NoCloud seed's (GuestNics).
        link.put("params", Map.of("up", nic.up()));
      }
      links.add(link);
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
        if (nic.gateway() != null) {
          // A subnet's gateway, which cloud-init keeps: ifupdown sets it with iproute2, where a
          // 0.0.0.0/0 entry in routes became a net-tools `route add default` line.
          net.put("gateway", nic.gateway());
        }
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
   * The network's extra routes (the default route is the network's {@code gateway}); a DHCP NIC
   * gets its routes from the DHCP server (the subnet's host routes), as nova leaves them out there too.
   */
  private static List<Map<String, String>> routes(GuestNics.GuestNic nic) {
    List<Map<String, String>> routes = new ArrayList<>();
    for (GuestNics.GuestRoute r : nic.routes()) {
      routes.add(route(r.network(), r.netmask(), r.via()));
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
