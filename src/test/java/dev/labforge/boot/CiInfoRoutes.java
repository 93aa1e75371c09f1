package dev.labforge.boot;

import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cloud-init's own IPv4 route table, as its init-network stage prints it on the console at its start
 * ("ci-info: ... Route IPv4 info"), before any user-data module runs: what ifupdown (or whatever
 * renders the network) set, not what a later command added. Rows come back as
 * "DESTINATION/GENMASK via GATEWAY dev INTERFACE", e.g. "0.0.0.0/0.0.0.0 via 10.1.0.1 dev eth0".
 */
final class CiInfoRoutes {
  private static final Pattern ROW = Pattern.compile(
      "ci-info: \\|\\s*\\d+\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|");

  private CiInfoRoutes() {}

  /** The rows of the first IPv4 route table on the console; empty when there is none. */
  static List<String> of(String console) {
    List<String> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : console.split("\r?\n")) {
      if (line.contains("ci-info: ") && line.contains("Route IPv4 info")) {
        if (inTable || !rows.isEmpty()) {
          break;
        }
        inTable = true;
        continue;
      }
      if (!inTable || !line.contains("ci-info: ")) {
        continue;
      }
      if (line.contains("Route IPv6 info") || line.contains("Net device info")) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.add(m.group(1) + "/" + m.group(3) + " via " + m.group(2) + " dev " + m.group(4));
      }
    }
    return rows;
  }

  /** The table row of a route: the destination's network and netmask, the next hop, the interface. */
  static String row(String network, String netmask, String gateway, String iface) {
    return network + "/" + netmask + " via " + gateway + " dev " + iface;
  }

  /** The rows of the machine's default route and of every static route of its NICs (the model's). */
  static List<String> expected(Machine m) {
    List<String> rows = new ArrayList<>();
    for (Nic n : m.nics()) {
      if (n.defaultRoute() && !n.dhcp()) {
        rows.add(row("0.0.0.0", "0.0.0.0", n.gateway().toString(), n.ifname()));
      }
      n.routes().forEach(r -> {
        rows.add(row(r.to().network().toString(), r.to().netmask().toString(), r.via().toString(), n.ifname()));
      });
    }
    return rows;
  }

  /**
   * The guest has no net-tools and cloud-init's table on its console has every route of the model:
   * so ifupdown set them with iproute2 before cloud-init's init-network stage began.
   */
  static void check(org.assertj.core.api.SoftAssertions soft, GuestDisk disk, Machine m, String console) {
    soft.assertThat(disk.stat("/usr/sbin/route")).as("%s: no net-tools in the image", m.name()).isEmpty();
    soft.assertThat(of(console)).as("%s: cloud-init's route table on the console", m.name()).containsAll(expected(m));
  }

  /** All ci-info lines of the console (the tables), for the evidence file. */
  static String lines(String console) {
    StringBuilder out = new StringBuilder();
    console.lines().filter(l -> l.contains("ci-info: ")).forEach(l -> out.append(l.strip()).append('\n'));
    return out.toString();
  }
}
