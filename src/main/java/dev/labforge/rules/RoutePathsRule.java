package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.rules.RoutePlan.Host;
import dev.labforge.rules.RoutePlan.Net;
import dev.labforge.rules.RoutePlan.Route;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Reporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes lead where they say, followed hop by hop as the machines will route (RoutePlan): from a
 * route's next hop, a machine delivers when it is on a network in the destination, else passes
 * the packets on by its own route for the destination, else by its default route. A walk that
 * comes back to a machine is a loop; one that ends at a machine with neither is a destination
 * nobody can reach; a hop to the host's or cloud's gateway leaves the lab, which the spec cannot
 * follow. A machine that gets two routes for one destination from two of its networks has the
 * destination routed two ways (one of them fails to apply, and which one depends on the order).
 */
final class RoutePathsRule implements Rule {
  @Override
  public void check(JsonNode spec, Reporter report) {
    Optional<RoutePlan> plan = RoutePlan.of(spec);
    if (plan.isEmpty()) {
      return; // a broken network, route or address has its own error
    }
    for (Net net : plan.get().networks.values()) {
      for (Route route : net.routes()) {
        walk(plan.get(), net, route, report);
      }
    }
    twoWays(plan.get(), report);
  }

  private static void walk(RoutePlan plan, Net net, Route route, Reporter report) {
    Host hop = plan.owner(net.name(), route.via());
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String to = route.to().toString();
    while (hop != null && hop.forwarding()) { // a hop that does not forward has its own error
      path.add("'" + hop.name() + "'");
      if (!seen.add(hop.name())) {
        report.at(route.pointer() + "/to", "packets for " + to + " go round in a loop: " + String.join(" -> ", path)
            + "; give one of these machines a route that leads to " + to);
        return;
      }
      if (delivers(plan, hop, route)) {
        return;
      }
      Next next = next(plan, hop, route);
      if (next == null) {
        boolean labNetwork = plan.networks.values().stream().anyMatch(n -> n.cidr().overlaps(route.to()));
        report.at(route.pointer() + "/to", "nobody can reach " + to + ": "
            + (labNetwork ? "" : "no lab network is there" + (path.size() > 1 ? "; " : ", and "))
            + (path.size() > 1 ? "the packets go " + String.join(" -> ", path) + ", and " : "")
            + "'" + hop.name() + "' (" + hop.pointer() + ") has no route to it and no default route");
        return;
      }
      hop = plan.owner(next.network().name(), next.via());
    }
  }

  private record Next(Net network, long via) {}

  /** Whether the machine is on a network in the destination (or holding it). */
  private static boolean delivers(RoutePlan plan, Host hop, Route route) {
    return hop.addresses().keySet().stream().anyMatch(n -> plan.networks.get(n).cidr().overlaps(route.to()));
  }

  /** The machine's most specific route for the destination, else its default route, else null. */
  private static Next next(RoutePlan plan, Host hop, Route route) {
    Next best = null;
    int bestPrefix = -1;
    for (Map.Entry<Net, List<Route>> e : plan.routes(hop).entrySet()) {
      for (Route r : e.getValue()) {
        if (r.to().contains(route.to().network()) && r.to().prefix() <= route.to().prefix()
            && r.to().prefix() > bestPrefix) {
          best = new Next(e.getKey(), r.via());
          bestPrefix = r.to().prefix();
        }
      }
    }
    if (best != null) {
      return best;
    }
    Net out = plan.defaultNetwork(hop);
    return out == null ? null : new Next(out, out.gateway());
  }

  /** Two of a machine's networks route one destination: reported once, at the later route. */
  private static void twoWays(RoutePlan plan, Reporter report) {
    Set<String> reported = new LinkedHashSet<>();
    for (Host host : plan.hosts) {
      Map<String, Route> first = new java.util.HashMap<>();
      Map<String, Net> firstNet = new java.util.HashMap<>();
      for (Map.Entry<Net, List<Route>> e : plan.routes(host).entrySet()) {
        for (Route r : e.getValue()) {
          String to = r.to().toString();
          Route earlier = first.putIfAbsent(to, r);
          if (earlier == null) {
            firstNet.put(to, e.getKey());
          } else if (earlier.via() != r.via() && reported.add(earlier.pointer() + " " + r.pointer())) {
            report.at(r.pointer() + "/to", to + " is routed two ways on machine '" + host.name() + "' ("
                + host.pointer() + "), which is on '" + firstNet.get(to).name() + "' and '" + e.getKey().name()
                + "': via " + Ipv4.format(earlier.via()) + " (" + earlier.pointer() + ") and via "
                + Ipv4.format(r.via()) + "; keep one of them");
          }
        }
      }
    }
  }
}
