package dev.labforge.targets.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The view of {@code topology.dot}: networks and machines as nodes, one edge per NIC labelled
 * with its interface and address. Graphviz lays it out; the colours match the SVG's.
 */
public final class TopologyDot {
  private TopologyDot() {}

  public record Network(String name, String label, String color) {}

  public record Node(String name, String label, boolean router) {}

  public record Link(String machine, String network, String label, String color) {}

  /** The view of {@code topology.dot}. */
  public record View(String lab, String title, List<Network> networks, List<Node> machines, List<Link> links) {}

  public static View view(Topology t) {
    List<Network> networks = new ArrayList<>();
    for (int i = 0; i < t.networks().size(); i++) {
      Topology.Net n = t.networks().get(i);
      String gateway = n.gateway() == null || n.gatewayIsMachine() ? "" : "\ngw " + n.gateway();
      networks.add(new Network(n.name(), TopologySvg.busLabel(n) + gateway, TopologySvg.color(i)));
    }
    List<Node> machines = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (Topology.Host h : t.machines()) {
      List<String> lines = TopologySvg.boxLines(h);
      machines.add(new Node(h.name(), lines.get(0) + "\n" + lines.get(1), h.forwarding()));
      for (Topology.Port p : h.ports()) {
        links.add(new Link(h.name(), p.network(), p.ifname() + " " + p.address(),
            TopologySvg.color(t.networkIndex(p.network()))));
      }
    }
    return new View(t.lab(), "lab " + t.lab() + (t.description().isEmpty() ? "" : "\n" + t.description()),
        networks, machines, links);
  }
}
