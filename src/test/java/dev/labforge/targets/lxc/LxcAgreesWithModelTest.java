package dev.labforge.targets.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.targets.lxc.LxcConfigReader.Entry;
import dev.labforge.testing.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every spec, each lxc/&lt;machine&gt;/config read back as LXC reads it passes our schema and holds
 * the model's facts, written out here from the model (never from the view): the host name, the
 * root file system in the container's own folder, one veth per NIC on the lab's bridge with the
 * MAC the machine's seed matches its interfaces by, the addresses that seed gives them (shown,
 * commented out, as the LXC keys that could), the cgroup v2 limits, the seed mounted read-only where cloud-init looks, a mount per data disk, nesting. lab.sh
 * names the same containers and bridges.
 */
class LxcAgreesWithModelTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String SCHEMA = "schemas/lxc/config.schema.json";

  @TestFactory
  Stream<DynamicTest> everySpecAgrees() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> agrees(Specs.lab(spec),
        Specs.render(spec).stream().collect(Collectors.toMap(RenderedFile::path, Function.identity())))));
  }

  static void agrees(Lab lab, Map<String, RenderedFile> files) throws Exception {
    SoftAssertions soft = new SoftAssertions();
    List<String> configs = files.keySet().stream().filter(p -> p.startsWith("lxc/") && p.endsWith("/config")).sorted().toList();
    soft.assertThat(configs).as("one config per machine")
        .containsExactlyInAnyOrderElementsOf(lab.machines().stream().map(m -> "lxc/" + m.name() + "/config").toList());
    for (Machine m : lab.machines()) {
      RenderedFile file = files.get("lxc/" + m.name() + "/config");
      if (file == null) {
        continue;
      }
      List<Entry> entries = LxcConfigReader.read(file.text());
      assertThat(SchemaValidator.validate(SCHEMA, LxcConfigReader.toJson(entries))).as("%s against our schema", file.path())
          .isEmpty();
      String container = HostNames.machine(lab.name(), m.name());
      String dir = "/var/lib/lxc/" + container;
      soft.assertThat(LxcConfigReader.first(entries, "lxc.uts.name")).as("%s host name", m.name()).isEqualTo(m.hostname());
      soft.assertThat(LxcConfigReader.all(entries, "lxc.rootfs.path")).as("%s rootfs", m.name())
          .containsExactly("dir:" + dir + "/rootfs");
      soft.assertThat(LxcConfigReader.first(entries, "lxc.cgroup2.memory.max")).as("%s memory", m.name())
          .isEqualTo(m.memoryMib() + "M");
      soft.assertThat(LxcConfigReader.first(entries, "lxc.cgroup2.cpu.max")).as("%s cpus", m.name())
          .isEqualTo((m.cpus() * 100_000L) + " 100000");
      soft.assertThat(LxcConfigReader.first(entries, "lxc.cgroup.memory.limit_in_bytes")).as("%s memory (v1)", m.name())
          .isEqualTo(m.memoryMib() + "M");
      soft.assertThat(LxcConfigReader.first(entries, "lxc.cgroup.cpu.cfs_quota_us")).as("%s cpus (v1)", m.name())
          .isEqualTo(Long.toString(m.cpus() * 100_000L));
      soft.assertThat(LxcConfigReader.first(entries, "lxc.cgroup.cpu.cfs_period_us")).isEqualTo("100000");

      Map<String, JsonNode> seed = seedInterfaces(files.get("cloud-init/" + m.name() + "/network-config"));
      List<String> hwaddrs = new ArrayList<>();
      for (Nic nic : m.nics()) {
        String p = "lxc.net." + nic.index() + ".";
        soft.assertThat(LxcConfigReader.first(entries, p + "type")).as("%s %s type", m.name(), nic.ifname()).isEqualTo("veth");
        soft.assertThat(LxcConfigReader.first(entries, p + "link")).as("%s %s bridge", m.name(), nic.ifname())
            .isEqualTo(HostNames.bridge(lab.name(), nic.network()));
        soft.assertThat(LxcConfigReader.first(entries, p + "name")).as("%s %s name", m.name(), nic.ifname()).isEqualTo(nic.ifname());
        soft.assertThat(LxcConfigReader.first(entries, p + "flags")).isEqualTo("up");
        hwaddrs.add(LxcConfigReader.first(entries, p + "hwaddr"));
        soft.assertThat(LxcConfigReader.first(entries, p + "hwaddr")).as("%s %s MAC", m.name(), nic.ifname()).isEqualTo(nic.mac());
        // LXC leaves the address to the seed (ifupdown fails on one LXC set): the keys are comments.
        soft.assertThat(LxcConfigReader.first(entries, p + "ipv4.address")).as("%s %s address key", m.name(), nic.ifname())
            .isNull();
        soft.assertThat(file.text().contains("\n# " + p + "ipv4.address = " + nic.ip() + "/" + nic.prefix() + "\n"))
            .as("%s %s address shown", m.name(), nic.ifname()).isEqualTo(!nic.dhcp());
        boolean gateway = nic.defaultRoute() && !nic.dhcp() && nic.gateway() != null;
        soft.assertThat(file.text().contains("\n# " + p + "ipv4.gateway = " + nic.gateway() + "\n"))
            .as("%s %s gateway shown", m.name(), nic.ifname()).isEqualTo(gateway);
      }
      soft.assertThat(entries.stream().filter(e -> e.key().matches("lxc\\.net\\.[0-9]+\\.type")).count())
          .as("%s: one veth per NIC", m.name()).isEqualTo(m.nics().size());
      // The seed's interface of each NIC (by its in-guest name) has that MAC and the model's address.
      // (The seed may name one more NIC, the qemu target's management NIC, which only its VMs have.)
      soft.assertThat(hwaddrs).as("%s: the MACs the seed's network-config matches", m.name())
          .isEqualTo(m.nics().stream().map(n -> seed.getOrDefault(n.ifname(), MISSING).path("mac_address").asText(null)).toList());
      soft.assertThat(m.nics().stream().filter(n -> !n.dhcp())
              .map(n -> seed.getOrDefault(n.ifname(), MISSING).path("subnets").path(0).path("address").asText(null)).toList())
          .as("%s: the addresses the mounted seed gives the NICs", m.name())
          .isEqualTo(m.nics().stream().filter(n -> !n.dhcp()).map(n -> n.ip() + "/" + n.prefix()).toList());
      List<String> mounts = LxcConfigReader.all(entries, "lxc.mount.entry");
      soft.assertThat(mounts).as("%s seed mount", m.name())
          .contains(dir + "/seed var/lib/cloud/seed/nocloud none bind,ro,create=dir 0 0");
      for (Disk disk : m.disks()) {
        String at = (disk.mount() != null ? disk.mount() : "/mnt/" + disk.name()).substring(1);
        soft.assertThat(mounts).as("%s disk %s", m.name(), disk.name())
            .contains(dir + "/disks/" + disk.name() + " " + at + " none bind,create=dir 0 0");
      }
      soft.assertThat(LxcConfigReader.first(entries, "lxc.signal.halt")).as("%s: systemd's halt signal", m.name())
          .isEqualTo("SIGRTMIN+3");
      soft.assertThat(LxcConfigReader.first(entries, "lxc.sysctl.net.ipv4.ip_forward")).as("%s forwarding", m.name())
          .isEqualTo(m.forwarding() ? "1" : null);
      soft.assertThat(LxcConfigReader.first(entries, "lxc.apparmor.allow_nesting")).as("%s nesting", m.name())
          .isEqualTo(m.nestedVirtualization() ? "1" : null);
      soft.assertThat(mounts.contains("proc dev/.lxc/proc proc create=dir,optional 0 0")).as("%s nested proc", m.name())
          .isEqualTo(m.nestedVirtualization());
    }

    String labSh = files.get("lxc/lab.sh").text();
    soft.assertThat(labSh).as("lab.sh containers").contains("CONTAINERS=(" + lab.machines().stream()
        .map(m -> "'" + HostNames.machine(lab.name(), m.name()) + "'").collect(Collectors.joining(" ")) + ")");
    soft.assertThat(labSh).as("lab.sh bridges").contains("BRIDGES=(" + lab.networks().stream()
        .map(n -> "'" + HostNames.bridge(lab.name(), n.name()) + "'").collect(Collectors.joining(" ")) + ")");
    soft.assertThat(labSh).as("lab.sh bridge addresses").contains("BRIDGE_ADDRESS=(" + lab.networks().stream()
        .map(LxcAgreesWithModelTest::hostAddress).collect(Collectors.joining(" ")) + ")");
    soft.assertAll();
  }

  private static String hostAddress(Network n) {
    return "'" + (n.gateway() == null || n.routedByMachine() ? "" : n.gateway() + "/" + n.prefix()) + "'";
  }

  private static final JsonNode MISSING = YAML.createObjectNode();

  /** The seed's network-config (version 1) interfaces by name. */
  private static Map<String, JsonNode> seedInterfaces(RenderedFile networkConfig) throws Exception {
    Map<String, JsonNode> out = new java.util.HashMap<>();
    JsonNode root = YAML.readTree(networkConfig.text());
    JsonNode network = root.has("network") ? root.path("network") : root;
    network.path("config").forEach(c -> out.put(c.path("name").asText(), c));
    return out;
  }
}
