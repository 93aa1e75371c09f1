package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.model.Disk;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.targets.Targets;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the Terraform configuration says, read back by our HCL reader, against the lab model and the
 * cloud-init target's network-config:
 * one instance per machine with its config drive and its own NoCloud user-data, ports with the
 * model's IPs and MACs in NIC order, no world-open rule unless the spec asks for one.
 */
class TerraformModelTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicTest> everySpec() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> check(spec)));
  }

  private static void check(Path spec) throws Exception {
    Lab lab = Specs.lab(spec);
    TfConfig tf = Parsed.config(spec);
    instances(lab, tf);
    agreesWithCloudInit(spec, lab, tf);
    ports(lab, tf);
    network(lab, tf);
    disks(lab, tf);
    exposure(lab, tf);
    floatingIps(lab, tf);
  }

  private static void instances(Lab lab, TfConfig tf) {
    JsonNode instance = tf.resource("openstack_compute_instance_v2", "machine");
    assertThat(instance.path("for_each").asText()).isEqualTo("${local.machines}");
    assertThat(instance.path("config_drive").asBoolean(false)).isTrue();
    assertThat(instance.path("user_data").asText()).isEqualTo("${filebase64(\"${path.module}/${each.value.user_data}\")}");
    assertThat(instance.path("name").asText()).isEqualTo("${each.key}");
    assertThat(tf.resourceAddresses()).filteredOn(a -> a.startsWith("openstack_compute_instance_v2."))
        .containsExactly("openstack_compute_instance_v2.machine");
    JsonNode machines = tf.local("machines");
    assertThat(names(machines)).containsExactlyInAnyOrderElementsOf(lab.machines().stream().map(Machine::name).toList());
    for (Machine m : lab.machines()) {
      JsonNode entry = machines.path(m.name());
      Path userData = Path.of("terraform/openstack").resolve(TfConfig.literal(entry.path("user_data"))).normalize();
      assertThat(userData).isEqualTo(Path.of("cloud-init", m.name(), "user-data"));
      assertThat(entry.path("image").asText()).isEqualTo(m.image());
      assertThat(TfConfig.literal(tf.variable("images").path("default").path(m.image())))
          .isEqualTo(nfc(lab.image(m.image()).openstackImage()));
      assertThat(TfConfig.literal(tf.variable("flavors").path("default").path(m.name())))
          .isEqualTo(nfc(Flavors.of(m, TerraformSettings.of(lab).flavors())));
      String user = m.users().isEmpty() ? null : m.users().get(0).name();
      assertThat(entry.path("ssh_user").isNull() ? null : entry.path("ssh_user").asText()).isEqualTo(user);
    }
  }

  /**
   * With the cloud-init target on, every user-data file the instances read is in the tree, and each
   * machine's network-config names the same MAC and the same address (or DHCP) as its ports.
   */
  private static void agreesWithCloudInit(Path spec, Lab lab, TfConfig tf) throws Exception {
    if (Targets.byId("cloud-init").isEmpty() || !lab.targets().enabled("cloud-init")) {
      return;
    }
    Map<String, RenderedFile> written = new HashMap<>();
    Specs.render(spec).forEach(f -> written.put(f.path(), f));
    for (Machine m : lab.machines()) {
      assertThat(written).containsKey("cloud-init/" + m.name() + "/user-data");
      Map<String, JsonNode> physical = new HashMap<>();
      YAML.readTree(written.get("cloud-init/" + m.name() + "/network-config").content()).path("config")
          .forEach(e -> physical.put(e.path("name").asText(), e));
      assertThat(physical.size()).as("NICs of " + m.name()).isEqualTo(m.nics().size());
      for (Nic nic : m.nics()) {
        JsonNode port = tf.local("ports").path(m.name() + "/" + nic.ifname());
        JsonNode eth = physical.get(nic.ifname());
        assertThat(eth.path("mac_address").asText()).as(m.name() + " " + nic.ifname())
            .isEqualTo(port.path("mac").asText());
        JsonNode subnet = eth.path("subnets").path(0);
        if (port.path("ip").isNull()) {
          assertThat(subnet.path("type").asText()).as(m.name() + " " + nic.ifname() + " DHCP").isEqualTo("dhcp4");
        } else {
          assertThat(subnet.path("address").asText()).as(m.name() + " " + nic.ifname())
              .isEqualTo(port.path("ip").asText() + "/" + nic.prefix());
        }
      }
    }
  }

  private static void ports(Lab lab, TfConfig tf) {
    JsonNode ports = tf.local("ports");
    List<String> expected = new ArrayList<>();
    for (Machine m : lab.machines()) {
      List<String> own = new ArrayList<>();
      for (Nic nic : m.nics()) {
        String key = m.name() + "/" + nic.ifname();
        own.add(key);
        JsonNode port = ports.path(key);
        assertThat(port.path("mac").asText()).as(key).isEqualTo(nic.mac());
        assertThat(port.path("ip").isNull() ? null : port.path("ip").asText()).as(key).isEqualTo(java.util.Objects.toString(nic.ip(), null));
        assertThat(port.path("network").asText()).as(key).isEqualTo(nic.network());
        assertThat(port.path("machine").asText()).as(key).isEqualTo(m.name());
      }
      List<String> listed = new ArrayList<>();
      tf.local("machines").path(m.name()).path("ports").forEach(p -> listed.add(p.asText()));
      assertThat(listed).as("NIC order of " + m.name()).containsExactlyElementsOf(own);
      expected.addAll(own);
    }
    assertThat(names(ports)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode port = tf.resource("openstack_networking_port_v2", "nic");
    assertThat(port.path("mac_address").asText()).isEqualTo("${each.value.mac}");
    assertThat(port.path("fixed_ip").get(0).path("ip_address").asText()).isEqualTo("${each.value.ip}");
    JsonNode network = tf.resource("openstack_compute_instance_v2", "machine").path("dynamic").path("network").get(0);
    assertThat(network.path("for_each").asText()).isEqualTo("${each.value.ports}");
    assertThat(network.path("content").get(0).path("port").asText())
        .isEqualTo("${openstack_networking_port_v2.nic[network.value].id}");
  }

  /** Subnets as in the spec, and allocation pools that hold none of our fixed IPs nor the gateway. */
  private static void network(Lab lab, TfConfig tf) {
    for (var n : lab.networks()) {
      JsonNode net = tf.local("networks").path(n.name());
      assertThat(net.path("cidr").asText()).isEqualTo(n.subnet().toString());
      assertThat(net.path("gateway_ip").asText()).isEqualTo(n.gateway().toString());
      assertThat(net.path("enable_dhcp").asBoolean()).isEqualTo(n.dhcp());
      List<Long> reserved = new ArrayList<>();
      reserved.add(n.gateway().value());
      lab.machines().forEach(m -> m.nics().stream().filter(x -> x.network().equals(n.name()) && !x.dhcp())
          .forEach(x -> reserved.add(x.ip().value())));
      for (JsonNode pool : net.path("allocation_pools")) {
        long start = ip(pool.path("start").asText());
        long end = ip(pool.path("end").asText());
        assertThat(start).isLessThanOrEqualTo(end);
        assertThat(reserved).as("pool " + pool).noneMatch(r -> r >= start && r <= end);
      }
    }
  }

  private static void disks(Lab lab, TfConfig tf) {
    List<String> expected = new ArrayList<>();
    for (Machine m : lab.machines()) {
      for (Disk d : m.disks()) {
        String key = m.name() + "/" + d.name();
        expected.add(key);
        JsonNode disk = tf.local("disks").path(key);
        assertThat(disk.path("size").asLong()).as(key).isEqualTo(d.sizeGib());
        assertThat(disk.path("device").asText()).as(key).isEqualTo(d.device());
        assertThat(disk.path("machine").asText()).as(key).isEqualTo(m.name());
        assertThat(tf.resource("openstack_compute_volume_attach_v2", d.device()).path("for_each").asText())
            .contains("disk.device == \"" + d.device() + "\"");
      }
    }
    assertThat(names(tf.local("disks"))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(tf.resource("openstack_blockstorage_volume_v3", "disk").isMissingNode()).isEqualTo(expected.isEmpty());
  }

  /** 0.0.0.0/0 appears only when the spec says so, and the SSH rule exists only with a CIDR. */
  private static void exposure(Lab lab, TfConfig tf) {
    String allowed = TerraformSettings.of(lab).sshAllowedFrom();
    boolean open = "0.0.0.0/0".equals(allowed);
    assertThat(tf.allStrings()).as("a world-open CIDR").matches(all -> open == all.stream().anyMatch(s -> s.contains("0.0.0.0/0")));
    JsonNode variable = tf.variable("ssh_allowed_from");
    if (allowed == null) {
      assertThat(variable.path("default").isNull()).isTrue();
    } else {
      assertThat(variable.path("default").asText()).isEqualTo(allowed);
    }
    JsonNode ssh = tf.resource("openstack_networking_secgroup_rule_v2", "ssh");
    assertThat(ssh.path("count").asText()).isEqualTo("${var.ssh_allowed_from == null ? 0 : 1}");
    assertThat(ssh.path("remote_ip_prefix").asText()).isEqualTo("${var.ssh_allowed_from}");
    assertThat(ssh.path("port_range_min").asInt()).isEqualTo(22);
    assertThat(ssh.path("port_range_max").asInt()).isEqualTo(22);
    JsonNode internal = tf.resource("openstack_networking_secgroup_rule_v2", "lab");
    assertThat(internal.path("remote_ip_prefix").asText()).isEqualTo("${each.value.cidr}");
    JsonNode keypair = tf.resource("openstack_compute_keypair_v2", "lab");
    String key = firstKey(lab);
    if (key == null) {
      assertThat(keypair.isMissingNode()).isTrue();
      assertThat(tf.resource("openstack_compute_instance_v2", "machine").has("key_pair")).isFalse();
    } else {
      assertThat(nfc(TfConfig.literal(keypair.path("public_key")))).isEqualTo(nfc(key));
      assertThat(tf.resource("openstack_compute_instance_v2", "machine").path("key_pair").asText())
          .isEqualTo("${openstack_compute_keypair_v2.lab.name}");
    }
  }

  private static String nfc(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
  }

  private static void floatingIps(Lab lab, TfConfig tf) {
    boolean wanted = TerraformSettings.of(lab).floatingIps();
    assertThat(tf.resource("openstack_networking_floatingip_v2", "machine").isMissingNode()).isEqualTo(!wanted);
    assertThat(tf.resource("openstack_networking_floatingip_associate_v2", "machine").isMissingNode()).isEqualTo(!wanted);
    assertThat(tf.output("ssh").path("value").asText())
        .contains(wanted ? "openstack_networking_floatingip_v2.machine[name].address" : "all_fixed_ips[0]");
    assertThat(tf.resourceAddresses()).noneMatch(a -> a.startsWith("openstack_compute_floatingip"));
  }

  private static String firstKey(Lab lab) {
    return lab.machines().stream().flatMap(m -> m.users().stream()).flatMap(u -> u.sshAuthorizedKeys().stream())
        .findFirst().orElse(null);
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static long ip(String text) {
    return dev.labforge.spec.Ipv4.parse(text).orElseThrow();
  }
}
