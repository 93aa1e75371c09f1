package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.rules.RoutePlan.Net;
import dev.labforge.rules.RoutePlan.Route;
import dev.labforge.spec.Ipv4;
import dev.labforge.spec.Reporter;
import java.util.Optional;

/**
 * A route through a network's gateway that no lab machine has is valid, but labforge cannot say
 * where it leads: the host (libvirt, LXD, Xen, Vagrant) or the cloud's router has that address,
 * and routes by its own table, which labforge does not set. So it is a warning, not an error;
 * a route through a machine that does not forward, or through nobody, is an error (RoutingRule).
 */
public final class RouteWarnings {
  private RouteWarnings() {}

  /** Warnings of a valid spec, at each such route's {@code via}. */
  public static void check(JsonNode spec, Reporter report) {
    Optional<RoutePlan> plan = RoutePlan.of(spec);
    if (plan.isEmpty()) {
      return;
    }
    for (Net net : plan.get().networks.values()) {
      for (Route route : net.routes()) {
        if (route.via() == net.gateway() && plan.get().owner(net.name(), route.via()) == null) {
          report.warnAtKey(route.pointer() + "/via", Ipv4.format(route.via()) + " is the gateway of '" + net.name()
              + "', which no lab machine has: the host or the cloud's router must route " + route.to()
              + " itself (labforge sets no route there); to route it in the lab, use a machine with forwarding: true");
        }
      }
    }
  }
}
