package dev.labforge.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Address;
import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every spec, compose.yaml as a YAML parser reads it back passes the Compose Specification's
 * schema and holds the model's facts: a service per machine with its container name, hostname,
 * limits and the first NIC's MAC; on each network the address of the machine's NoCloud seed (the
 * cloud-init target's network-config, the one every other target boots with); its own seed
 * mounted read-only where cloud-init looks; its disks as named volumes; a network per spec network
 * with the subnet and a gateway no machine has. The docker seeds: meta-data byte for byte the
 * NoCloud seed's, user-data valid cloud-config, network-config disabled. One Dockerfile per image
 * in use, passing {@link DockerfileRules}.
 */
class DockerAgreesWithModelTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String COMPOSE_SCHEMA = "schemas/docker/compose.schema.json";
  static final String USER_DATA_SCHEMA = "schemas/cloud-init/user-data.schema.json";

  @TestFactory
  Stream<DynamicTest> everySpecAgrees() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> agrees(spec)));
  }

  private static void agrees(Path spec) throws Exception {
    Lab lab = Specs.lab(spec);
    Map<String, RenderedFile> files = Specs.render(spec).stream()
        .collect(Collectors.toMap(RenderedFile::path, Function.identity()));
    JsonNode compose = YAML.readTree(files.get("docker/compose.yaml").text());
    assertThat(SchemaValidator.validate(COMPOSE_SCHEMA, compose)).as("%s compose.yaml against the Compose schema", spec)
        .isEmpty();
    SoftAssertions soft = new SoftAssertions();

    List<String> services = new ArrayList<>();
    compose.path("services").fieldNames().forEachRemaining(services::add);
    soft.assertThat(services).as("one service per machine").containsExactlyElementsOf(
        lab.machines().stream().map(Machine::name).toList());
    String labSh = files.get("docker/lab.sh").text();
    for (Machine machine : lab.machines()) {
      JsonNode s = compose.path("services").path(machine.name());
      String name = machine.name();
      String container = HostNames.machine(lab.name(), name);
      soft.assertThat(s.path("container_name").asText()).isEqualTo(container);
      soft.assertThat(labSh).as("lab.sh names container %s", container).contains("'" + container + "'");
      soft.assertThat(s.path("hostname").asText()).isEqualTo(machine.hostname());
      soft.assertThat(s.path("cpus").asInt()).as("%s cpus", name).isEqualTo(machine.cpus());
      soft.assertThat(s.path("mem_limit").asText()).as("%s memory", name).isEqualTo(machine.memoryMib() + "m");
      soft.assertThat(s.path("image").asText()).isEqualTo(DockerViews.tag(lab, machine.image()));
      soft.assertThat(files).as("%s's image has a Dockerfile", name)
          .containsKey("docker/" + s.path("build").path("context").asText().substring(2) + "/Dockerfile");
      soft.assertThat(s.path("stop_signal").asText()).isEqualTo("SIGRTMIN+3");
      soft.assertThat(s.path("privileged").asBoolean(false)).as("%s privileged", name)
          .isEqualTo(machine.nestedVirtualization());
      soft.assertThat(s.has("sysctls")).as("%s forwarding", name).isEqualTo(machine.forwarding());

      // The addresses and MACs of the seed every other target boots with.
      Map<String, String> seedMacs = new HashMap<>();
      Map<String, String> seedAddresses = new HashMap<>();
      JsonNode networkConfig = YAML.readTree(files.get("cloud-init/" + name + "/network-config").text());
      for (JsonNode nic : networkConfig.path("config")) {
        seedMacs.put(nic.path("name").asText(), nic.path("mac_address").asText());
        JsonNode subnet = nic.path("subnets").path(0);
        if (subnet.path("type").asText().equals("static")) {
          seedAddresses.put(nic.path("name").asText(), subnet.path("address").asText().split("/")[0]);
        }
      }
      soft.assertThat(s.path("mac_address").asText()).as("%s first MAC", name)
          .isEqualTo(seedMacs.get(machine.nics().get(0).ifname()));
      soft.assertThat(s.path("networks").size()).as("%s networks", name).isEqualTo(machine.nics().size());
      for (Nic nic : machine.nics()) {
        JsonNode attached = s.path("networks").path(nic.network());
        soft.assertThat(attached.isObject()).as("%s on %s", name, nic.network()).isTrue();
        soft.assertThat(attached.path("ipv4_address").asText(null)).as("%s %s address", name, nic.ifname())
            .isEqualTo(seedAddresses.get(nic.ifname()));
        soft.assertThat(attached.path("priority").asInt()).as("%s: Docker's eth order is the NICs'", name)
            .isEqualTo(machine.nics().size() - nic.index());
        soft.assertThat(attached.has("mac_address")).as("no per-network MAC (Compose v1 refuses it)").isFalse();
      }

      JsonNode volumes = s.path("volumes");
      JsonNode seed = volumes.path(0);
      soft.assertThat(seed.path("type").asText()).isEqualTo("bind");
      soft.assertThat(seed.path("source").asText()).isEqualTo("./" + name + "/seed");
      soft.assertThat(seed.path("target").asText()).isEqualTo("/var/lib/cloud/seed/nocloud");
      soft.assertThat(seed.path("read_only").asBoolean()).isTrue();
      String dir = "docker/" + name + "/seed/";
      soft.assertThat(files.get(dir + "meta-data").text()).as("%s meta-data is the NoCloud seed's", name)
          .isEqualTo(files.get("cloud-init/" + name + "/meta-data").text());
      soft.assertThat(YAML.readTree(files.get(dir + "network-config").text()).path("network").path("config").asText())
          .isEqualTo("disabled");
      JsonNode userData = YAML.readTree(files.get(dir + "user-data").text());
      soft.assertThat(SchemaValidator.validate(USER_DATA_SCHEMA, userData)).as("%s user-data", name).isEmpty();
      soft.assertThat(userData.path("hostname").asText()).isEqualTo(machine.hostname());
      soft.assertThat(userData.has("disk_setup")).as("%s: Docker mounts the disks", name).isFalse();
      int v = 1;
      for (Disk disk : machine.disks()) {
        JsonNode mount = volumes.path(v++);
        String volume = HostNames.volume(lab.name(), name, disk.name());
        soft.assertThat(mount.path("type").asText()).isEqualTo("volume");
        soft.assertThat(mount.path("source").asText()).isEqualTo(volume);
        soft.assertThat(mount.path("target").asText()).isEqualTo(disk.mount() != null ? disk.mount() : "/mnt/" + disk.name());
        soft.assertThat(compose.path("volumes").path(volume).path("name").asText()).isEqualTo(volume);
      }
    }

    soft.assertThat(compose.path("networks").size()).as("one network per spec network").isEqualTo(lab.networks().size());
    for (Network network : lab.networks()) {
      JsonNode n = compose.path("networks").path(network.name());
      soft.assertThat(n.path("name").asText()).isEqualTo(HostNames.network(lab.name(), network.name()));
      JsonNode ipam = n.path("ipam").path("config").path(0);
      soft.assertThat(ipam.path("subnet").asText()).isEqualTo(network.subnet().toString());
      String gateway = ipam.path("gateway").asText();
      if (network.routedByMachine()) {
        Address a = dev.labforge.model.Ips.ip(gateway);
        soft.assertThat(network.subnet().contains(a)).as("%s bridge address in the subnet", network.name()).isTrue();
        soft.assertThat(lab.machines().stream().flatMap(m -> m.nics().stream()).map(Nic::ip).toList())
            .as("%s: the bridge's address is no machine's", network.name()).doesNotContain(a);
      } else {
        soft.assertThat(gateway).isEqualTo(network.gateway().toString());
      }
      boolean routed = lab.machines().stream().anyMatch(m -> m.forwarding()
          && m.nics().stream().anyMatch(x -> x.network().equals(network.name())));
      soft.assertThat(n.path("internal").asBoolean()).as("%s internal", network.name())
          .isEqualTo(!"nat".equals(network.kind()) && !routed);
    }

    List<String> dockerfiles = files.keySet().stream().filter(p -> p.startsWith("docker/") && p.endsWith("/Dockerfile"))
        .sorted().toList();
    soft.assertThat(dockerfiles).as("one Dockerfile per image in use").containsExactlyElementsOf(lab.machines().stream()
        .map(Machine::image).distinct().sorted().map(i -> "docker/" + i + "/Dockerfile").toList());
    for (String d : dockerfiles) {
      soft.assertThat(DockerfileRules.check(files.get(d).text())).as(d).isEmpty();
    }
    soft.assertAll();
  }
}
