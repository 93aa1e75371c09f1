package dev.labforge.targets.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.HostNames;
import dev.labforge.model.Disk;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every spec, the libvirt XML read back agrees with the model and with the other targets:
 * the domain of each machine has its memory, vCPUs, disks in spec order, its NoCloud seed, and one
 * NIC per spec NIC with the MAC that cloud-init's network-config (and so every other target)
 * matches on, on the lab network of the same name; each network has the spec's address and every
 * machine's name; bridge names fit 15 characters and are unique.
 */
class LibvirtAgreesWithModelTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  List<DynamicTest> everySpecAgrees() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> agrees(spec))).toList();
  }

  private static void agrees(Path spec) throws Exception {
    Lab lab = Specs.lab(spec);
    Map<String, RenderedFile> files = Specs.render(spec).stream()
        .collect(Collectors.toMap(RenderedFile::path, Function.identity()));
    SoftAssertions soft = new SoftAssertions();
    Set<String> bridges = new HashSet<>();
    for (Network net : lab.networks()) {
      JsonNode n = XmlTree.parse(files.get("libvirt/networks/" + net.name() + ".xml").content()).path("network").get(0);
      soft.assertThat(text(n, "name")).isEqualTo(HostNames.network(lab.name(), net.name()));
      String bridge = n.path("bridge").get(0).path("@name").asText();
      soft.assertThat(bridge.length()).as("bridge name length").isLessThanOrEqualTo(15);
      if (net.routedByMachine()) {
        // the router owns the gateway: the host has no address, DHCP or DNS there
        soft.assertThat(bridges.add(bridge)).as("bridge %s unique", bridge).isTrue();
        soft.assertThat(n.has("ip")).as("%s has no host address", net.name()).isFalse();
        soft.assertThat(n.has("dns")).as("%s has no DNS", net.name()).isFalse();
        soft.assertThat(n.has("forward")).as("%s has a forward", net.name()).isFalse();
      } else if (!net.kind().equals("bridged")) {
        soft.assertThat(bridges.add(bridge)).as("bridge %s unique", bridge).isTrue();
        JsonNode ip = n.path("ip").get(0);
        soft.assertThat(ip.path("@address").asText()).isEqualTo(net.gateway().toString());
        soft.assertThat(ip.path("@netmask").asText()).isEqualTo(net.netmask().toString());
        soft.assertThat(n.has("forward")).as("%s has a forward", net.name()).isEqualTo(net.kind().equals("nat"));
        // the model's domain, the one every machine's FQDN ends in
        soft.assertThat(n.path("domain").path(0).path("@name").asText()).as("%s's DNS domain", net.name())
            .isEqualTo(lab.domain());
        List<String> dnsNames = new ArrayList<>();
        n.path("dns").path(0).path("host").forEach(h -> h.path("hostname").forEach(x -> dnsNames.add(x.path("#text").asText())));
        for (Machine m : lab.machines()) {
          boolean addressed = m.nics().stream().anyMatch(x -> x.ip() != null);
          if (addressed) {
            soft.assertThat(dnsNames).as("DNS of %s", net.name()).contains(m.name(), m.fqdn());
          }
          for (Nic nic : m.nics()) {
            if (nic.network().equals(net.name()) && nic.ip() != null) {
              soft.assertThat(hostIp(n, m.name())).as("DNS address of %s on %s", m.name(), net.name()).isEqualTo(nic.ip().toString());
              if (net.dhcp()) {
                soft.assertThat(dhcpPin(n, nic.mac().toLowerCase(Locale.ROOT))).as("DHCP pin of %s", m.name()).isEqualTo(nic.ip().toString());
              }
            }
          }
        }
        soft.assertThat(n.has("dhcp") || n.path("ip").get(0).has("dhcp")).isEqualTo(net.dhcp());
      } else {
        soft.assertThat(n.path("forward").get(0).path("@mode").asText()).isEqualTo("bridge");
      }
    }
    for (Machine m : lab.machines()) {
      JsonNode d = XmlTree.parse(files.get("libvirt/domains/" + m.name() + ".xml").content()).path("domain").get(0);
      soft.assertThat(text(d, "name")).isEqualTo(HostNames.machine(lab.name(), m.name()));
      soft.assertThat(text(d, "memory")).isEqualTo(Long.toString(m.memoryMib()));
      soft.assertThat(text(d, "vcpu")).isEqualTo(Integer.toString(m.cpus()));
      soft.assertThat(d.path("@type").asText()).isEqualTo(LibvirtSettings.of(lab).domainType());
      soft.assertThat(d.has("cpu")).as("nested CPU of %s", m.name()).isEqualTo(m.nestedVirtualization());
      JsonNode devices = d.path("devices").get(0);
      List<String> disks = new ArrayList<>();
      devices.path("disk").forEach(x -> disks.add(x.path("target").get(0).path("@dev").asText() + " "
          + x.path("source").get(0).path("@file").asText()));
      String dir = LibvirtNames.DEFAULT_POOL + "/" + lab.name() + "/";
      List<String> expected = new ArrayList<>();
      expected.add("vda " + dir + m.name() + ".qcow2");
      for (Disk disk : m.disks()) {
        expected.add(disk.device() + " " + dir + m.name() + "." + disk.name() + ".qcow2");
      }
      expected.add("hdc " + dir + m.name() + ".seed.iso");
      soft.assertThat(disks).as("disks of %s", m.name()).isEqualTo(expected);
      soft.assertThat(files).as("the seed lab.sh copies").containsKey("cloud-init/" + m.name() + "/nocloud.iso");
      // The MACs cloud-init matches its NICs by, in NIC order, on the networks of the same name.
      JsonNode config = YAML.readTree(files.get("cloud-init/" + m.name() + "/network-config").content());
      List<String> seedMacs = new ArrayList<>();
      config.path("config").forEach(e -> seedMacs.add(e.path("mac_address").asText()));
      List<String> macs = new ArrayList<>();
      List<String> networks = new ArrayList<>();
      devices.path("interface").forEach(x -> {
        macs.add(x.path("mac").get(0).path("@address").asText());
        networks.add(x.path("source").get(0).path("@network").asText());
      });
      soft.assertThat(macs).as("MACs of %s", m.name()).isEqualTo(seedMacs)
          .isEqualTo(m.nics().stream().map(nic -> nic.mac().toLowerCase(Locale.ROOT)).toList());
      soft.assertThat(networks).isEqualTo(m.nics().stream().map(nic -> HostNames.network(lab.name(), nic.network())).toList());
    }
    soft.assertAll();
  }

  private static String text(JsonNode element, String child) {
    return element.path(child).get(0).path("#text").asText();
  }

  private static String hostIp(JsonNode network, String name) {
    for (JsonNode h : network.path("dns").path(0).path("host")) {
      for (JsonNode n : h.path("hostname")) {
        if (n.path("#text").asText().equals(name)) {
          return h.path("@ip").asText();
        }
      }
    }
    return null;
  }

  private static String dhcpPin(JsonNode network, String mac) {
    for (JsonNode h : network.path("ip").path(0).path("dhcp").path(0).path("host")) {
      if (h.path("@mac").asText().equals(mac)) {
        return h.path("@ip").asText();
      }
    }
    return null;
  }
}
