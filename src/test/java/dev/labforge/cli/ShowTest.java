package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labforge show}: the exact tables, one row per NIC, nothing on stderr, nothing written. */
class ShowTest {
  @Test
  void showsTheBuiltInExample() {
    Cli.Result r = Cli.run("show");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        lab lpic3-353: Cloud, Packer and cloud-init lab for LPIC-3 topic 353

        MACHINE    IMAGE      CPUS  MEMORY  NIC   NETWORK  IP             MAC                USERS
        cloud      debian-12     4  8GiB    eth0  lab      192.168.56.10  52:54:00:e4:fa:73  lab(sudo)
        packer     debian-12     2  4GiB    eth0  lab      192.168.56.11  52:54:00:99:ad:dc  lab(sudo)
        cloudinit  debian-12     2  1GiB    eth0  lab      192.168.56.12  52:54:00:fc:c4:b7  lab(sudo)

        NETWORK  CIDR             GATEWAY       DHCP  KIND     DNS
        lab      192.168.56.0/24  192.168.56.1  no    private  192.168.56.1
        """);
  }

  @Test
  void theReadmeShowsTheRealOutputAndTheTopologyPicture() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    assertThat(readme).contains("$ labforge show\n" + Cli.run("show").out() + "```\n");
    assertThat(readme).contains("](docs/images/lpic3-353-topology.svg)");
    assertThat(java.nio.file.Path.of("docs/images/lpic3-353-topology.svg")).as("the picture is the example's own")
        .hasSameBinaryContentAs(java.nio.file.Path.of("src/test/resources/golden/lpic3-353/inventory/topology.svg"));
  }

  @Test
  void aMachineWithSeveralNicsGetsOneRowPerNicAndDhcpIsNamed() {
    Cli.Result r = Cli.run("show", "src/test/resources/specs/vagrant-edges.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("""
        MACHINE  IMAGE    CPUS  MEMORY   NIC   NETWORK   IP              MAC                USERS
        store    rocky-9     1  1536MiB  eth0  lan       dhcp            52:54:00:da:0f:d1  ops
                                         eth1  outbound  172.31.5.4      52:54:00:c1:4d:60
        """);
  }

  /** A routed lab: each network's routes, then every machine's forwarding and resulting routes. */
  @Test
  void aRoutedLabShowsForwardingAndEveryMachinesRoutes() {
    Cli.Result r = Cli.run("show", "examples/router.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        lab router: Two LANs and a router between them, with a client on each side

        MACHINE  IMAGE      CPUS  MEMORY  NIC   NETWORK  IP         MAC                USERS
        router   debian-12     1  512MiB  eth0  lan1     10.1.0.1   52:54:00:13:c2:63  lab(sudo)
                                          eth1  lan2     10.2.0.1   52:54:00:c5:cf:cd
                                          eth2  mgmt     10.9.0.2   52:54:00:13:cd:40
        client1  debian-12     1  512MiB  eth0  lan1     10.1.0.10  52:54:00:c1:4c:a5  lab(sudo)
        client2  debian-12     1  512MiB  eth0  lan2     10.2.0.10  52:54:00:d9:2e:8e  lab(sudo)

        NETWORK  CIDR         GATEWAY   DHCP  KIND     DNS       ROUTES
        lan1     10.1.0.0/24  10.1.0.1  no    private  10.1.0.1  10.2.0.0/24 via 10.1.0.1
        lan2     10.2.0.0/24  10.2.0.1  no    private  10.2.0.1  10.1.0.0/24 via 10.2.0.1
        mgmt     10.9.0.0/24  10.9.0.1  no    private  10.9.0.1  -

        MACHINE  FORWARDING  ROUTE        VIA       NIC
        router   yes         default      10.9.0.1  eth2
        client1  no          default      10.1.0.1  eth0
                             10.2.0.0/24  10.1.0.1  eth0
        client2  no          default      10.2.0.1  eth0
                             10.1.0.0/24  10.2.0.1  eth0
        """);
  }

  /**
   * A router that owns its first network's gateway takes its default route from the next NIC (the
   * host's gateway on a nat network), and routes through its own address are not its own.
   */
  @Test
  void theDefaultRouteGoesOnTheFirstNicWhoseGatewayTheMachineDoesNotOwn(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("edge.yaml");
    Files.writeString(spec, """
        version: 1
        name: edge
        images:
          deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", checksum: none, format: qcow2}}
        defaults: {image: deb, users: [{name: lab, password: lab}]}
        networks:
          - {name: inside, cidr: 10.1.0.0/24, gateway: 10.1.0.1, routes: [{to: 10.7.0.0/24, via: 10.1.0.1}]}
          - {name: outside, cidr: 10.9.0.0/24, kind: nat, dhcp: true}
        machines:
          - {name: gw, forwarding: true, nics: [{network: inside, ip: 10.1.0.1}, {network: outside}]}
          - {name: pc, count: 2, nics: [{network: inside}]}
        """, StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("show", spec.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("""
        NETWORK  CIDR         GATEWAY   DHCP  KIND     DNS       ROUTES
        inside   10.1.0.0/24  10.1.0.1  no    private  10.1.0.1  10.7.0.0/24 via 10.1.0.1
        outside  10.9.0.0/24  10.9.0.1  yes   nat      10.9.0.1  -

        MACHINE  FORWARDING  ROUTE        VIA       NIC
        gw       yes         default      10.9.0.1  eth1
        pc-1     no          default      10.1.0.1  eth0
                             10.7.0.0/24  10.1.0.1  eth0
        pc-2     no          default      10.1.0.1  eth0
                             10.7.0.0/24  10.1.0.1  eth0
        """);
  }

  /** A router that owns the gateway of every network it is on has no default route: "none". */
  @Test
  void aRouterOwningEveryGatewayHasNoDefaultRoute(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("closed.yaml");
    Files.writeString(spec, """
        version: 1
        name: closed
        images:
          deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", checksum: none, format: qcow2}}
        defaults: {image: deb, users: [{name: lab, password: lab}]}
        networks:
          - {name: a, cidr: 10.1.0.0/24, gateway: 10.1.0.1}
          - {name: b, cidr: 10.2.0.0/24, gateway: 10.2.0.1}
        machines:
          - {name: r, forwarding: true, nics: [{network: a, ip: 10.1.0.1}, {network: b, ip: 10.2.0.1}]}
          - {name: pc, nics: [{network: a}]}
        """, StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("show", spec.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("""
        MACHINE  FORWARDING  ROUTE    VIA       NIC
        r        yes         none
        pc       no          default  10.1.0.1  eth0
        """);
  }

  @Test
  void anInvalidSpecIsReportedAsByValidate() {
    Cli.Result r = Cli.run("show", "src/test/resources/invalid/ip-duplicate.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error:");
  }
}
