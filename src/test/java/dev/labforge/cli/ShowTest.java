package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

  @Test
  void anInvalidSpecIsReportedAsByValidate() {
    Cli.Result r = Cli.run("show", "src/test/resources/invalid/ip-duplicate.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error:");
  }
}
