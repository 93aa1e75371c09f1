package dev.labforge.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.model.Lab;
import dev.labforge.spec.Ipv4;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wires of the qemu target, derived from names: two labs' networks of the same name are
 * different segments, one lab's networks and SSH ports never clash even when their hashes do,
 * and the management subnet and default route follow the spec.
 */
class QemuWiresTest {
  @TempDir
  Path tmp;

  Lab lab(String name, int networks, int machines, String extra) throws IOException {
    StringBuilder s = new StringBuilder("version: 1\nname: " + name + "\nimages:\n  img:\n    os: debian\n"
        + "    release: \"12\"\n    source: {url: https://example.org/i.qcow2, format: qcow2}\nnetworks:\n");
    for (int i = 0; i < networks; i++) {
      s.append("  - {name: n").append(i).append(", cidr: 10.").append(i / 256).append('.').append(i % 256)
          .append(".0/24}\n");
    }
    s.append("  - {name: wide, cidr: 172.16.0.0/16}\n");
    s.append(extra);
    if (machines > 0) {
      s.append("machines:\n");
    }
    for (int i = 0; i < machines; i++) {
      s.append("  - {name: m").append(i).append(", image: img, nics: [{network: wide}]}\n");
    }
    Path spec = tmp.resolve(name + ".yaml");
    Files.writeString(spec, s.toString());
    return Specs.lab(spec);
  }

  @Test
  void theSameNetworkNameInTwoLabsIsTwoSegments() throws IOException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      QemuWires.Segment s = QemuWires.segments(lab("lab" + i, 1, 1, "")).get("n0");
      assertThat(seen.add(s.address())).as("lab%d's n0 at %s", i, s.address()).isTrue();
    }
  }

  @Test
  void segmentsAreOrganizationLocalGroupsAndPortsBelowTheEphemeralRange() throws IOException {
    Ipv4.Cidr scope = Ipv4.Cidr.parse("239.192.0.0/14").orElseThrow();
    for (QemuWires.Segment s : QemuWires.segments(lab("scope", 300, 1, "")).values()) {
      assertThat(scope.contains(Ipv4.parse(s.group()).orElseThrow())).as(s.group()).isTrue();
      assertThat(s.port()).isBetween(10000, 32767);
    }
  }

  @Test
  void aLabsOwnNetworksAndPortsNeverClash() throws IOException {
    // 600 machines on 22768 ports: about eight hash clashes are expected, each rehashed away
    Lab big = lab("big", 600, 600, "");
    Map<String, Integer> ports = QemuWires.sshPorts(big);
    assertThat(new HashSet<>(ports.values())).hasSize(600);
    assertThat(QemuWires.segments(big).values().stream().map(QemuWires.Segment::address).collect(Collectors.toSet()))
        .hasSize(601);  // n0..n599 and wide
  }

  @Test
  void derivedFromNamesOnly() throws IOException {
    assertThat(QemuWires.segments(lab("same", 3, 2, ""))).isEqualTo(QemuWires.segments(lab("same", 3, 4, "")));
    assertThat(QemuWires.sshPorts(lab("same", 3, 2, ""))).isEqualTo(
        QemuWires.sshPorts(lab("same", 1, 2, "")));
  }

  @Test
  void theOffsetMovesEveryPort() throws IOException {
    Map<String, Integer> before = QemuWires.sshPorts(lab("moved", 1, 3, ""));
    Map<String, Integer> after = QemuWires.sshPorts(lab("moved", 1, 3, "targets:\n  qemu: {ssh_port_offset: 5}\n"));
    for (String m : List.of("m0", "m1", "m2")) {
      assertThat(after.get(m)).isEqualTo(10000 + (before.get(m) - 10000 + 5) % 22768);
    }
  }

  @Test
  void theManagementSubnetAvoidsTheLabsNetworks() throws IOException {
    assertThat(QemuWires.managementSubnet(lab("free", 1, 1, "")).toString()).isEqualTo("10.0.2.0/24");
    // n0..n3 are 10.0.0.0/24 .. 10.0.3.0/24
    Lab taken = lab("taken", 4, 1, "");
    assertThat(QemuWires.managementSubnet(taken).toString()).isEqualTo("10.0.4.0/24");
    assertThat(QemuWires.guestAddress(taken)).isEqualTo("10.0.4.15/24");
    assertThat(QemuWires.slirpGateway(taken)).isEqualTo("10.0.4.2");
  }

  @Test
  void theManagementNicHasTheDefaultRouteOnlyWhereTheSpecGivesNone() throws IOException {
    Lab router = Specs.lab(Path.of("examples/router.yaml"));
    // client1's lan1 NIC has the default route (via the router); the router has one on mgmt
    assertThat(QemuWires.managementNic(router, router.machines().get(1)).orElseThrow().gateway()).isNull();
    assertThat(QemuWires.managementNic(router, router.machines().get(0)).orElseThrow().gateway()).isNull();
    // a router that owns its only network's gateway has no default route: the management NIC's is it
    Lab alone = lab("alone", 1, 0, "machines:\n  - {name: r, image: img, forwarding: true, nics: [{network: n0, ip: 10.0.0.1}]}\n");
    assertThat(QemuWires.managementNic(alone, alone.machines().get(0)).orElseThrow().gateway()).isEqualTo("10.0.2.2");
  }

  @Test
  void managementMacsNeverLookLikeLabMacs() throws IOException {
    Lab lab = lab("macs", 1, 50, "");
    assertThat(IntStream.range(0, 50).mapToObj(i -> QemuWires.managementMac(lab, lab.machines().get(i))))
        .allMatch(m -> m.startsWith("52:54:01:"));
    assertThat(lab.machines().stream().flatMap(m -> m.nics().stream()))
        .allMatch(n -> n.mac().toLowerCase().startsWith("52:54:00:"));
  }
}
