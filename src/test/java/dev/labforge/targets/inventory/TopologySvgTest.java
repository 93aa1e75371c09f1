package dev.labforge.targets.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout's promises, for 1 to 100 machines: nothing overlaps, every NIC reaches its own bus. */
class TopologySvgTest {
  static Topology lab(int machines) {
    List<Topology.Net> nets = List.of(new Topology.Net("mgmt", "10.0.0.0/16", "nat", "10.0.0.1", false),
        new Topology.Net("storage", "10.10.0.0/24", "private", "10.10.0.1", false),
        new Topology.Net("outside", "192.168.200.0/24", "bridged", "192.168.200.1", false));
    List<Topology.Host> hosts = new ArrayList<>();
    for (int i = 1; i <= machines; i++) {
      List<Topology.Port> ports = new ArrayList<>();
      ports.add(new Topology.Port("eth0", "mgmt", "10.0." + i / 200 + "." + (i % 200 + 10), "52:54:00:00:00:01"));
      if (i % 3 == 0) {
        ports.add(new Topology.Port("eth1", "storage", null, "52:54:00:00:00:02"));
      }
      if (i % 7 == 0) {
        ports.add(new Topology.Port("eth" + ports.size(), "outside", "192.168.200." + (i + 1), "52:54:00:00:00:03"));
      }
      hosts.add(new Topology.Host("worker-" + i, "debian-12", 2, 2048, i == 7, ports));
    }
    return new Topology("scale", "", nets, hosts);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 13, 100})
  void boxesDoNotOverlapAndEveryDropEndsOnItsOwnBus(int machines) {
    Topology t = lab(machines);
    TopologySvg.Drawing d = TopologySvg.draw(t);
    List<TopologySvg.Box> boxes = d.machines();
    assertThat(boxes).hasSize(machines);
    for (int i = 0; i < boxes.size(); i++) {
      TopologySvg.Box a = boxes.get(i);
      assertThat(a.x() + a.width()).isLessThanOrEqualTo(d.width());
      assertThat(a.y() + a.height()).isLessThanOrEqualTo(d.height());
      for (int j = i + 1; j < boxes.size(); j++) {
        TopologySvg.Box b = boxes.get(j);
        boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
        assertThat(apart).as("%s and %s overlap", a.id(), b.id()).isTrue();
      }
      Topology.Host host = t.machines().get(i);
      assertThat(a.drops()).hasSize(host.ports().size());
      for (int k = 0; k < a.drops().size(); k++) {
        TopologySvg.Drop drop = a.drops().get(k);
        String network = host.ports().get(k).network();
        assertThat(drop.x()).isStrictlyBetween(a.x(), a.x() + a.width());
        assertThat(drop.y2()).isEqualTo(a.y());
        // the bus of this network in the same strip: the nearest one above the box
        TopologySvg.Bus bus = d.buses().stream().filter(x -> x.network().equals(network) && x.y() < a.y())
            .reduce((x, y) -> y).orElseThrow();
        assertThat(drop.y1()).isEqualTo(bus.y());
        assertThat(drop.x()).isBetween(bus.x1(), bus.x2());
      }
    }
    assertThat(d.width()).as("at most six boxes side by side").isLessThan(2400);
  }

  @Test
  void theSameTopologyGivesTheSameDrawing() {
    assertThat(TopologySvg.draw(lab(40))).isEqualTo(TopologySvg.draw(lab(40)));
  }

  @Test
  void longTextIsClippedAndControlCharactersCannotBreakALine() {
    Topology t = new Topology("x", "a\nb\u2028c" + "d".repeat(300), List.of(
        new Topology.Net("n", "10.0.0.0/24", "private", "10.0.0.1", false)),
        List.of(new Topology.Host("m".repeat(63), "i", 1, 512, false,
            List.of(new Topology.Port("eth0", "n", "10.0.0.10", "52:54:00:00:00:01")))));
    TopologySvg.Drawing d = TopologySvg.draw(t);
    assertThat(d.heading().get(1).text()).startsWith("a b c").hasSize(120).endsWith("\u2026");
    assertThat(d.machines().get(0).lines().get(0).text()).hasSize(TopologySvg.MAX_BOX_CHARS).endsWith("\u2026");
  }
}
