package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Reporter;
import dev.labforge.spec.Suggest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every expectation ({@code defaults.expect}, {@code machines[].expect}) can be checked in a guest:
 * one kind per entry, a ping or tcp host that is a lab machine with a fixed address or an IPv4
 * address, a port from 1 to 65535, and a {@code stdout} pattern that compiles. The guest matches
 * with Python's {@code re}; Java's {@code java.util.regex} is the closest dialect at hand, so a
 * pattern is compiled here after mapping Python's named groups ({@code (?P<n>...)}, {@code (?P=n)}).
 */
final class ExpectRule implements Rule {
  private static final List<String> KINDS = List.of("command", "ping", "tcp");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  @Override
  public void check(JsonNode spec, Reporter report) {
    Set<String> machines = new HashSet<>();
    Set<String> unaddressed = new HashSet<>();
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      if (Nodes.text(machine, "name") != null) {
        List<String> names = Expansion.names(machine);
        machines.addAll(names);
        if (!hasFixedAddress(spec, machine)) {
          unaddressed.addAll(names);
        }
      }
    });
    Hosts hosts = new Hosts(machines, unaddressed);
    list(spec.path("defaults").get("expect"), "/defaults/expect", hosts, report);
    Nodes.eachItem(spec.get("machines"), "/machines",
        (machine, at) -> list(machine.get("expect"), at + "/expect", hosts, report));
  }

  private record Hosts(Set<String> machines, Set<String> unaddressed) {}

  private static void list(JsonNode list, String pointer, Hosts hosts, Reporter report) {
    Nodes.eachItem(list, pointer, (item, at) -> {
      List<String> kinds = new ArrayList<>();
      KINDS.forEach(k -> {
        if (item.has(k)) {
          kinds.add(k);
        }
      });
      if (kinds.size() > 1) {
        report.at(at, "an expectation is one of command, ping or tcp; this one has "
            + String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1));
      } else if (kinds.isEmpty() && item.isObject()) {
        report.at(at, item.has("stdout") ? "stdout needs a command whose output it matches"
            : "an expectation needs one of command, ping or tcp");
      }
      String stdout = Nodes.text(item, "stdout");
      if (stdout != null) {
        pattern(stdout).ifPresent(problem -> report.at(at + "/stdout", problem));
      }
      String ping = Nodes.text(item, "ping");
      if (ping != null) {
        host(ping, at + "/ping", hosts, report);
      }
      String tcp = Nodes.text(item, "tcp");
      if (tcp != null) {
        tcp(tcp, at + "/tcp", hosts, report);
      }
    });
  }

  private static void tcp(String tcp, String at, Hosts hosts, Reporter report) {
    int colon = tcp.lastIndexOf(':');
    if (colon <= 0) {
      report.at(at, "'" + tcp + "' is not HOST:PORT (e.g. db:5432)");
      return;
    }
    String port = tcp.substring(colon + 1);
    if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      report.at(at, "port '" + port + "' is not a number from 1 to 65535");
    }
    host(tcp.substring(0, colon), at, hosts, report);
  }

  /** A lab machine with a fixed address, or an IPv4 address (outside the lab too: a gateway, a mirror). */
  private static void host(String host, String at, Hosts hosts, Reporter report) {
    if (hosts.machines().contains(host)) {
      if (hosts.unaddressed().contains(host)) {
        report.at(at, "machine '" + host + "' has no fixed address (its NICs use DHCP), so its address is not known");
      }
      return;
    }
    if (Ipv4.parse(host).isPresent()) {
      return;
    }
    report.at(at, "no machine named '" + host + "', and not an IPv4 address"
        + Suggest.didYouMean(host, hosts.machines()));
  }

  /** Why Python's re would not compile the pattern, in plain words; empty when it compiles. */
  static Optional<String> pattern(String python) {
    String translated = python.replaceAll("\\(\\?P<", "(?<").replaceAll("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)", "\\\\k<$1>");
    try {
      Pattern.compile(translated, Pattern.MULTILINE);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      String where = e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : "";
      return Optional.of("stdout is not a valid pattern: " + e.getDescription() + where);
    }
  }

  /** Whether some NIC of the machine has a static address: a spec ip, or a network without DHCP. */
  private static boolean hasFixedAddress(JsonNode spec, JsonNode machine) {
    JsonNode nics = machine.get("nics");
    if (nics == null || !nics.isArray()) {
      JsonNode first = spec.path("networks").path(0);
      return !first.path("dhcp").asBoolean(false);
    }
    for (JsonNode nic : nics) {
      if (nic.has("ip")) {
        return true;
      }
      String network = Nodes.text(nic, "network");
      for (JsonNode n : spec.path("networks")) {
        if (network != null && network.equals(Nodes.text(n, "name")) && !n.path("dhcp").asBoolean(false)) {
          return true;
        }
      }
    }
    return false;
  }
}
