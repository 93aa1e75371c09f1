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

  /** The machines one host runs: a Graphviz cluster ({@code name} starts with "cluster", so dot frames it). */
  public record Cluster(String name, String label, List<Node> machines) {}

  /** The view of {@code topology.dot}: {@code machines} are those outside every cluster. */
  public record View(String lab, String title, List<Network> networks, List<Cluster> clusters, List<Node> machines,
      List<Link> links) {}

  public static View view(Topology t) {
    List<Network> networks = new ArrayList<>();
    for (int i = 0; i < t.networks().size(); i++) {
      Topology.Net n = t.networks().get(i);
      String gateway = n.gateway() == null || n.gatewayIsMachine() ? "" : "\ngw " + n.gateway();
      networks.add(new Network(n.name(), TopologySvg.busLabel(n) + gateway, TopologySvg.color(i)));
    }
    List<Cluster> clusters = new ArrayList<>();
    List<Node> machines = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (Topology.Group g : t.groups()) {
      List<Node> nodes = g.member() == null ? machines : new ArrayList<>();
      if (g.member() != null) {
        clusters.add(new Cluster("cluster_" + g.member().name(), TopologySvg.hostLabel(g.member()), nodes));
      }
      for (Topology.Host h : g.machines()) {
        List<String> lines = TopologySvg.boxLines(h);
        nodes.add(new Node(h.name(), lines.get(0) + "\n" + lines.get(1), h.forwarding()));
        for (Topology.Port p : h.ports()) {
          links.add(new Link(h.name(), p.network(), p.ifname() + " " + p.address(),
              TopologySvg.color(t.networkIndex(p.network()))));
        }
      }
    }
    return new View(t.lab(), "lab " + t.lab() + (t.description().isEmpty() ? "" : "\n" + t.description()),
        networks, clusters, machines, links);
  }
}
