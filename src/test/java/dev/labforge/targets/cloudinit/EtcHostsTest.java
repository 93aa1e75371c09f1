package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.cli.Cli;
import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every machine's user-data writes an /etc/hosts that names every lab machine at a fixed address,
 * with cloud-init told to leave that file alone (so a reboot keeps it). Above
 * {@link LabHosts#SEED_LIMIT} machines, it names the machine itself only, and the spec gets a warning.
 */
class EtcHostsTest {
  private static final TemplateRenderer TEMPLATES = new TemplateRenderer();

  @TempDir
  Path tmp;
  @TestFactory
  Stream<DynamicTest> everyMachineKnowsEveryOtherMachineByName() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      Lab lab = Specs.lab(spec);
      List<RenderedFile> files = Specs.render(spec);
      for (Machine viewer : lab.machines()) {
        RenderedFile userData = files.stream()
            .filter(f -> f.path().equals("cloud-init/" + viewer.name() + "/user-data")).findFirst().orElseThrow();
        JsonNode doc = new YAMLMapper().readTree(userData.content());
        JsonNode hosts = null;
        for (JsonNode f : doc.path("write_files")) {
          if (f.path("path").asText().equals("/etc/hosts")) {
            hosts = f;
          }
        }
        if (viewer.files().stream().anyMatch(f -> f.path().equals("/etc/hosts"))) {
          assertThat(doc.path("manage_etc_hosts").asBoolean()).isTrue();
          continue;
        }
        assertThat(hosts).as("%s writes /etc/hosts", viewer.name()).isNotNull();
        assertThat(doc.path("manage_etc_hosts").asBoolean()).isFalse();
        assertThat(hosts.path("defer").asBoolean()).isFalse();
        List<String> lines = hosts.path("content").asText().lines().toList();
        for (Machine m : lab.machines()) {
          for (Nic n : m.nics()) {
            if (n.dhcp()) {
              continue;
            }
            assertThat(lines).as("%s sees %s on %s", viewer.name(), m.name(), n.network())
                .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith(n.ip().toString()).contains(m.name() + "-" + n.network()));
          }
          if (m.nics().stream().anyMatch(n -> !n.dhcp())) {
            assertThat(lines).as("%s knows %s by its short name", viewer.name(), m.name())
                .anySatisfy(l -> assertThat(l.split("\\s+")).contains(m.name(), m.fqdn()));
          }
        }
      }
    }));
  }

  @Test
  void aLabOf256MachinesListsEveryMachineInEachAnd257OnlyTheMachineItself() throws Exception {
    assertThat(LabHosts.SEED_LIMIT).isEqualTo(256);
    Lab full = Specs.lab(spec(256));
    for (Machine viewer : List.of(full.machines().get(0), full.machines().get(255))) {
      String text = EtcHosts.text(full, viewer, TEMPLATES);
      assertThat(text).contains("# The machines of lab hosts; <machine>-<network> names each address.\n");
      for (Machine m : full.machines()) {
        assertThat(text).contains(m.nics().get(0).ip() + " ".repeat(15 - m.nics().get(0).ip().toString().length()) + " "
            + m.fqdn() + " " + m.name() + " " + m.name() + "-lan\n");
        assertThat(text).contains("# " + m.name() + " eth1 on ext uses DHCP: no fixed address\n");
      }
    }
    assertThat(LabHosts.lines(full, null)).hasSize(2 * 256);

    Lab over = Specs.lab(spec(257));
    assertThat(EtcHosts.text(over, over.machines().get(100), TEMPLATES)).isEqualTo("""
        # labforge: /etc/hosts of machine node-101 in lab hosts. Generated; edit the lab spec instead.
        127.0.0.1       localhost
        ::1             localhost ip6-localhost ip6-loopback
        ff02::1         ip6-allnodes
        ff02::2         ip6-allrouters

        # Machine node-101 of lab hosts; <machine>-<network> names each address.
        # The lab has 257 machines, more than the 256 a machine's /etc/hosts lists: only node-101 is here; \
        labforge's inventory/hosts lists them all.
        10.10.0.110     node-101.hosts.internal node-101 node-101-lan
        # node-101 eth1 on ext uses DHCP: no fixed address
        """);
    for (Machine viewer : over.machines()) {
      assertThat(EtcHosts.text(over, viewer, TEMPLATES).lines().filter(l -> l.contains("-lan")))
          .containsExactly(viewer.nics().get(0).ip() + " ".repeat(16 - viewer.nics().get(0).ip().toString().length())
              + viewer.fqdn() + " " + viewer.name() + " " + viewer.name() + "-lan");
    }
    // Outside the lab (inventory/hosts), every machine still.
    assertThat(LabHosts.lines(over, null)).hasSize(2 * 257);
  }

  @Test
  void aLabOverTheLimitGetsALocatedWarningAndOneAtTheLimitNone() throws Exception {
    Path atLimit = spec(256);
    Cli.Result r = Cli.run("validate", atLimit.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();

    Path over = spec(257);
    r = Cli.run("validate", over.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(over + ": ok: lab 'hosts', 257 machines, 2 networks, 1 image\n");
    assertThat(r.err()).isEqualTo(over + ":15:1: warning: /machines: the lab has 257 machines, more than the 256 a"
        + " machine's /etc/hosts lists: each machine's /etc/hosts lists only itself; inventory/hosts lists every"
        + " machine\n"
        + "machines:\n"
        + "^\n"
        + "1 warning\n");
    // Printed once although cloud-init, Vagrant and LXD all write a machine's /etc/hosts; and for a
    // target that only points at the seeds (cloud-init itself off) too.
    Files.writeString(over, Files.readString(over).replace("targets: {}",
        "targets: { cloud-init: { enabled: false }, vagrant: { enabled: false }, lxd: { enabled: false },"
            + " libvirt: { enabled: false }, terraform: { enabled: false } }"));
    assertThat(Cli.run("validate", over.toString()).err()).isEqualTo(r.err());
    Files.writeString(over, Files.readString(over).replace("terraform: { enabled: false }",
        "terraform: { enabled: false }, xen: { enabled: false }, qemu: { enabled: false },"
            + " lxc: { enabled: false }, docker: { enabled: false }"));
    assertThat(Cli.run("validate", over.toString()).err()).isEmpty();
  }

  /** {@code count} machines, each with a derived address on a static network and a DHCP NIC. */
  private Path spec(int count) throws Exception {
    Path spec = tmp.resolve("hosts-" + count + ".yaml");
    Files.writeString(spec, """
        version: 1
        name: hosts
        defaults:
          image: debian-12
          users: [{ name: lab, ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@workstation"] }]
        images:
          debian-12:
            os: debian
            release: "12"
            source: { url: "https://example.org/debian-12.qcow2", format: qcow2 }
        networks:
          - { name: lan, cidr: 10.10.0.0/16 }
          - { name: ext, cidr: 10.20.0.0/16, dhcp: true }
        targets: {}
        machines:
          - { name: node, count: %d, nics: [{ network: lan }, { network: ext }] }
        """.formatted(count));
    return spec;
  }
}
