package dev.labforge.targets.lxd;

import static dev.labforge.model.Ips.ip;
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
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every spec, the preseed as a YAML parser reads it back passes our schema and holds the
 * model's facts, and agrees with the other targets: each profile's cloud-init keys are the
 * machine's NoCloud user-data and network-config byte for byte (so hostname, users, keys,
 * files, packages and commands are those of the seed the config drive, Vagrant's and
 * Terraform's machines share), its NICs carry the same MACs and IPs, the bridges the same
 * gateways and prefixes. lab.sh names the same instances and volumes and passes shellcheck.
 */
class LxdAgreesWithModelTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String SCHEMA = "schemas/lxd/preseed.schema.json";

  @TestFactory
  Stream<DynamicTest> everySpecAgrees() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> agrees(spec)));
  }

  private static void agrees(Path spec) throws Exception {
    Lab lab = Specs.lab(spec);
    Map<String, RenderedFile> files = Specs.render(spec).stream()
        .collect(Collectors.toMap(RenderedFile::path, Function.identity()));
    JsonNode preseed = YAML.readTree(files.get("lxd/preseed.yaml").text());
    assertThat(SchemaValidator.validate(SCHEMA, preseed)).as("%s preseed against our schema", spec).isEmpty();
    SoftAssertions soft = new SoftAssertions();

    // On a cluster, lab.sh makes the pool (named after the lab) and the networks on every member.
    if (lab.clustered()) {
      soft.assertThat(Stream.of("storage_pools", "networks").filter(preseed::has).toList())
          .as("a cluster's preseed holds only the profiles").isEmpty();
    } else {
      assertThat(preseed.path("storage_pools")).hasSize(1);
    }
    String pool = lab.clustered() ? lab.name() : preseed.path("storage_pools").get(0).path("name").asText();
    soft.assertThat(pool).isEqualTo(lab.name());

    Map<String, JsonNode> bridges = new HashMap<>();
    preseed.path("networks").forEach(n -> bridges.put(n.path("name").asText(), n));
    soft.assertThat(bridges).as("one bridge per network").hasSize(lab.clustered() ? 0 : lab.networks().size());
    for (Network network : lab.clustered() ? List.<Network>of() : lab.networks()) {
      JsonNode bridge = bridges.get(HostNames.bridge(lab.name(), network.name()));
      soft.assertThat(bridge).as("bridge of %s", network.name()).isNotNull();
      if (bridge == null) {
        continue;
      }
      JsonNode config = bridge.path("config");
      // A network whose gateway a router machine owns: the bridge only switches.
      soft.assertThat(config.path("ipv4.address").asText()).as("%s address", network.name())
          .isEqualTo(network.routedByMachine() ? "none" : network.gateway() + "/" + network.prefix());
      soft.assertThat(config.path("ipv4.nat").asText()).as("%s nat", network.name())
          .isEqualTo(Boolean.toString("nat".equals(network.kind())));
      if (network.routedByMachine()) {
        soft.assertThat(config.path("ipv4.dhcp").asText()).as("%s dhcp", network.name()).isEqualTo("false");
      }
      soft.assertThat(config.path("ipv6.address").asText()).isEqualTo("none");
    }

    Map<String, JsonNode> profiles = new HashMap<>();
    preseed.path("profiles").forEach(p -> profiles.put(p.path("name").asText(), p));
    soft.assertThat(profiles).as("one profile per machine").hasSize(lab.machines().size());
    String labSh = files.get("lxd/lab.sh").text();
    for (Machine machine : lab.machines()) {
      String instance = HostNames.machine(lab.name(), machine.name());
      soft.assertThat(labSh).as("lab.sh names instance %s", instance).contains("'" + instance + "'");
      JsonNode profile = profiles.get(instance);
      soft.assertThat(profile).as("profile of %s", machine.name()).isNotNull();
      if (profile == null) {
        continue;
      }
      JsonNode config = profile.path("config");
      String seed = "cloud-init/" + machine.name() + "/";
      soft.assertThat(config.path("cloud-init.user-data").asText()).as("%s user-data is the NoCloud seed's", machine.name())
          .isEqualTo(files.get(seed + "user-data").text());
      soft.assertThat(config.path("cloud-init.network-config").asText())
          .as("%s network-config is the NoCloud seed's", machine.name()).isEqualTo(files.get(seed + "network-config").text());
      soft.assertThat(config.path("limits.cpu").asText()).isEqualTo(Integer.toString(machine.cpus()));
      soft.assertThat(mib(config.path("limits.memory").asText())).as("%s memory", machine.name())
          .isEqualTo(machine.memoryMib());
      soft.assertThat(config.path("security.nesting").asText("false")).as("%s nesting", machine.name())
          .isEqualTo(Boolean.toString(machine.nestedVirtualization() && !LxdSettings.of(lab).virtualMachine()));
      JsonNode devices = profile.path("devices");
      soft.assertThat(devices.path("root").path("pool").asText()).isEqualTo(pool);
      soft.assertThat(mib(devices.path("root").path("size").asText())).as("%s root size", machine.name())
          .isEqualTo(machine.diskMib());
      int nicDevices = 0;
      for (var it = devices.fields(); it.hasNext();) {
        if (it.next().getValue().path("type").asText().equals("nic")) {
          nicDevices++;
        }
      }
      soft.assertThat(nicDevices).as("%s NIC devices", machine.name()).isEqualTo(machine.nics().size());
      for (Nic nic : machine.nics()) {
        JsonNode device = devices.path(nic.ifname());
        soft.assertThat(device.path("name").asText()).isEqualTo(nic.ifname());
        soft.assertThat(device.path("hwaddr").asText()).as("%s %s MAC", machine.name(), nic.ifname()).isEqualTo(nic.mac());
        soft.assertThat(device.path("network").asText()).isEqualTo((lab.clustered() ? HostNames.clusterBridge(lab.name(), nic.network()) : HostNames.bridge(lab.name(), nic.network())));
        // LXD takes a NIC's address only from a bridge that serves DHCP: a cluster's bridges serve none.
        if (lab.clustered() || nic.dhcp() || lab.network(nic.network()).routedByMachine()) {
          soft.assertThat(device.has("ipv4.address")).isFalse();
        } else {
          soft.assertThat(device.path("ipv4.address").asText()).as("%s %s IP", machine.name(), nic.ifname())
              .isEqualTo(nic.ip().toString());
          JsonNode bridge = bridges.get(HostNames.bridge(lab.name(), nic.network()));
          if (bridge != null) {
            soft.assertThat(bridge.path("config").path("ipv4.dhcp").asText()).isEqualTo("true");
            String ranges = bridge.path("config").path("ipv4.dhcp.ranges").asText("");
            if (!lab.network(nic.network()).dhcp()) {
              soft.assertThat(inRanges(nic.ip().toString(), ranges)).as("%s in the reserved ranges %s", nic.ip(), ranges).isTrue();
            }
          }
        }
      }
      for (Disk disk : machine.disks()) {
        JsonNode device = devices.path("disk-" + disk.name());
        String volume = HostNames.volume(lab.name(), machine.name(), disk.name());
        soft.assertThat(device.path("source").asText()).isEqualTo(volume);
        soft.assertThat(device.path("pool").asText()).isEqualTo(pool);
        soft.assertThat(device.path("path").asText()).isEqualTo(disk.mount() != null ? disk.mount() : "/mnt/" + disk.name());
        soft.assertThat(labSh).as("lab.sh creates volume %s", volume).contains("'" + volume + "'");
      }
    }
    soft.assertAll();
  }

  @Test
  void everyLabShPassesShellcheck(@TempDir Path work) throws Exception {
    RealTools.require("shellcheck");
    for (Path spec : Specs.all()) {
      RenderedFile file = Specs.render(spec).stream().filter(f -> f.path().equals("lxd/lab.sh")).findFirst().orElseThrow();
      Path script = work.resolve(Specs.id(spec) + "-lab.sh");
      Files.writeString(script, file.text());
      Process p = new ProcessBuilder("shellcheck", "-s", "bash", script.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as("shellcheck %s:\n%s", spec, output).isZero();
    }
  }

  @Test
  void theSchemaRejectsWhatLxdWouldNotTakeOrWeNeverWrite() throws Exception {
    JsonNode good = YAML.readTree(Specs.render(Path.of("src/test/resources/specs/lxd-lab.yaml")).stream()
        .filter(f -> f.path().equals("lxd/preseed.yaml")).findFirst().orElseThrow().text());
    assertThat(SchemaValidator.validate(SCHEMA, good)).isEmpty();
    for (String[] breach : List.of(
        new String[] {"/networks/0/name", "\"lxd-lab-a-very-long-name\""},
        new String[] {"/networks/0/config/ipv6.address", "\"auto\""},
        new String[] {"/networks/0/config/ipv4.nat", "true"},
        new String[] {"/profiles/0/config/cloud-init.user-data", "\"hostname: x\""},
        new String[] {"/profiles/0/config/user.user-data", "\"#cloud-config\\n\""},
        new String[] {"/profiles/0/devices/eth0/hwaddr", "\"52:54:00:AA:BB\""},
        new String[] {"/profiles/0/devices/eth0/ipv4.address", "\"172.20.0.300\""},
        new String[] {"/profiles/0/devices/root/size", "\"4 GB\""},
        new String[] {"/storage_pools/0/driver", "\"zfs\""})) {
      JsonNode bad = good.deepCopy();
      String pointer = breach[0];
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      ((com.fasterxml.jackson.databind.node.ObjectNode) bad.at(parent))
          .set(pointer.substring(pointer.lastIndexOf('/') + 1), new ObjectMapper().readTree(breach[1]));
      assertThat(SchemaValidator.validate(SCHEMA, bad)).as("%s = %s", pointer, breach[1]).isNotEmpty();
    }
  }

  @Test
  void namesFitLxdsLimits() {
    assertThat(HostNames.bridge("lab", "net")).isEqualTo("lab-net");
    assertThat(HostNames.bridge("lxd-lab", "containers")).hasSize(15).matches("lx-[0-9][0-9a-f]{11}")
        .isEqualTo(HostNames.bridge("lxd-lab", "containers")).isNotEqualTo(HostNames.bridge("lxd-lab", "container"));
    String longName = HostNames.machine("a".repeat(60), "b".repeat(60));
    assertThat(longName).hasSize(63).matches("[a-z0-9-]+").doesNotEndWith("-");
    assertThat(LxdViews.ranges(List.of(ip("10.0.0.5"), ip("10.0.0.3"), ip("10.0.0.4"), ip("10.0.0.9")))).isEqualTo("10.0.0.3-10.0.0.5,10.0.0.9-10.0.0.9");
  }

  private static long mib(String size) {
    return size.endsWith("GiB") ? Long.parseLong(size.replace("GiB", "")) * 1024 : Long.parseLong(size.replace("MiB", ""));
  }

  private static boolean inRanges(String ip, String ranges) {
    long v = dev.labforge.spec.Ipv4.parse(ip).orElseThrow();
    for (String range : ranges.split(",")) {
      String[] ends = range.split("-");
      if (ends.length == 2 && dev.labforge.spec.Ipv4.parse(ends[0]).orElseThrow() <= v
          && v <= dev.labforge.spec.Ipv4.parse(ends[1]).orElseThrow()) {
        return true;
      }
    }
    return false;
  }
}
