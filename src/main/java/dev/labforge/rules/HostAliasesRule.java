package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Reporter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every address in /etc/hosts also carries {@code <machine>-<network>} (LabHosts), and names may
 * hold "-": machine {@code a} on network {@code b-c} and machine {@code a-b} on network {@code c}
 * would both be {@code a-b-c}, and machine {@code web} on {@code lan1} would take the name of a
 * machine {@code web-lan1}. One name for two addresses sends ssh and ping to either, so a clash is
 * an error at the later of the two.
 */
final class HostAliasesRule implements Rule {
  /** Who a name already belongs to: the machine and where it comes from. */
  private record Owner(String machine, String what) {}

  @Override
  public void check(JsonNode spec, Reporter report) {
    Set<String> dhcpNetworks = new HashSet<>();
    spec.path("networks").forEach(n -> {
      if (n.path("dhcp").asBoolean(false)) {
        dhcpNetworks.add(n.path("name").asText());
      }
    });
    String first = spec.path("networks").path(0).path("name").asText(null);
    Map<String, Owner> names = new HashMap<>();
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      if (Nodes.text(machine, "name") == null) {
        return;
      }
      java.util.List<String> expanded = Expansion.names(machine);
      for (String name : expanded) {
        Owner earlier = names.putIfAbsent(name, new Owner(name, "machine '" + name + "' (" + at + ")"));
        if (earlier != null && !earlier.machine().equals(name)) {
          report.at(at + "/name", "machine name '" + name + "' is also the /etc/hosts name of " + earlier.what()
              + "; rename one of them");
        }
      }
      JsonNode nics = machine.path("nics");
      int count = machine.has("nics") ? nics.size() : first == null ? 0 : 1;
      for (int i = 0; i < count; i++) {
        JsonNode nic = machine.has("nics") ? nics.get(i) : null;
        String network = nic == null ? first : Nodes.text(nic, "network");
        if (network == null || (dhcpNetworks.contains(network) && (nic == null || !nic.hasNonNull("ip")))) {
          continue; // a DHCP NIC has no /etc/hosts line
        }
        String pointer = nic == null ? at + "/name" : at + "/nics/" + i + "/network";
        for (String name : expanded) {
          String alias = name + "-" + network;
          Owner earlier = names.putIfAbsent(alias,
              new Owner(name, "machine '" + name + "' on '" + network + "' (" + pointer + ")"));
          if (earlier != null && !earlier.machine().equals(name)) {
            report.at(pointer, "machine '" + name + "' on '" + network + "' is named '" + alias + "' in /etc/hosts,"
                + " which is already " + earlier.what() + "; rename one of them");
            break;
          }
        }
      }
    });
  }
}
