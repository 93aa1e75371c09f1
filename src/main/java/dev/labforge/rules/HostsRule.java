package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Reporter;
import dev.labforge.spec.Suggest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hosts} and {@code machines[].host}: host names and addresses are unique, a host's address
 * lies outside every lab network (the underlay that joins the hosts and the lab's segments are
 * different networks: a host inside one would answer for a lab address, and the tunnels would
 * carry themselves), and a machine is placed only on a host the spec names.
 */
final class HostsRule implements Rule {

  @Override
  public void check(JsonNode spec, Reporter report) {
    Set<String> hosts = new LinkedHashSet<>();
    Map<String, String> names = new HashMap<>();
    Map<Long, String> addresses = new HashMap<>();
    Nodes.eachItem(spec.get("hosts"), "/hosts", (host, at) -> {
      String name = Nodes.text(host, "name");
      if (name != null) {
        hosts.add(name);
        String first = names.putIfAbsent(name, at);
        if (first != null) {
          report.at(at + "/name", "host '" + name + "' is already used by " + first);
        }
      }
      String text = Nodes.text(host, "address");
      if (text == null) {
        return;
      }
      Optional<Long> address = Ipv4.parse(text);
      if (address.isEmpty()) {
        report.at(at + "/address", "'" + text + "' is not an IPv4 address");
        return;
      }
      String first = addresses.putIfAbsent(address.get(), at);
      if (first != null) {
        report.at(at + "/address", "host address " + text + " is already used by " + first);
      }
      Nodes.eachItem(spec.get("networks"), "/networks", (network, networkAt) -> {
        String cidr = Nodes.text(network, "cidr");
        Optional<Ipv4.Cidr> subnet = cidr == null ? Optional.empty() : Ipv4.Cidr.parse(cidr);
        if (subnet.isPresent() && subnet.get().contains(address.get())) {
          report.at(at + "/address", "host address " + text + " is inside lab network '" + Nodes.text(network, "name")
              + "' (" + cidr + "); the hosts' own network must be apart from the lab's networks");
        }
      });
    });
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      String host = Nodes.text(machine, "host");
      if (host == null || hosts.contains(host)) {
        return;
      }
      report.at(at + "/host", hosts.isEmpty() ? "no host named '" + host + "': the spec has no 'hosts'"
          : "no host named '" + host + "'" + Suggest.didYouMean(host, hosts));
    });
  }
}
