package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each machine's plan checks, decided from the model: the router example's routes, peers and
 * forwarding; expectations resolved to the address the machine reaches; Vagrant's skips.
 */
class GuestChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aClientChecksItsRoutesItsRouterAndTheMachinesBehindIt() throws Exception {
    Lab lab = Specs.lab(Path.of("examples/router.yaml"));
    Map<String, JsonNode> client1 = checks(lab, "client1", GuestChecks.Engine.CLOUD_INIT);
    assertThat(client1.keySet()).containsSubsequence("cloud-init status", "hostname", "fqdn", "user lab",
        "user lab sudo", "user lab keys", "file /etc/hosts", "nic eth0", "route default", "route 10.2.0.0/24",
        "dns router", "dns client1", "dns client2", "reach router on lan1", "reach client2 via 10.1.0.1");
    assertThat(client1).doesNotContainKey("forwarding");
    assertThat(client1.get("route default").path("via").asText()).isEqualTo("10.1.0.1");
    assertThat(client1.get("reach client2 via 10.1.0.1").path("address").asText()).isEqualTo("10.2.0.10");
    assertThat(client1.get("dns router").path("address").asText()).as("the router's address on lan1")
        .isEqualTo("10.1.0.1");
    assertThat(client1.get("nic eth0").path("mac").asText()).isEqualTo(machine(lab, "client1").primaryNic().mac());

    Map<String, JsonNode> router = checks(lab, "router", GuestChecks.Engine.CLOUD_INIT);
    assertThat(router.keySet()).contains("forwarding", "reach client1 on lan1", "reach client2 on lan2",
        "nic eth0", "nic eth1", "nic eth2", "route default");
    assertThat(router.get("route default").path("via").asText()).as("mgmt's gateway: the router owns the others")
        .isEqualTo("10.9.0.1");
  }

  @Test
  void expectationsGoToTheAddressTheMachineReachesAndVagrantSkipsWhatItDoesItself() throws Exception {
    Lab lab = Specs.lab(Path.of("src/test/resources/specs/checks-lab.yaml"));
    Map<String, JsonNode> grader = checks(lab, "grader", GuestChecks.Engine.CLOUD_INIT);
    assertThat(grader.get("expect 2: ping grader").path("address").asText()).isEqualTo("192.168.60.10");
    assertThat(grader.get("expect 3: id -nG lab").path("stdout").asText()).isEqualTo("\\bwheel\\b");
    assertThat(grader.get("command 1").path("marker").asText()).isEqualTo("/var/lib/labforge/ran/command-1");

    Map<String, JsonNode> vagrant = checks(lab, "grader", GuestChecks.Engine.VAGRANT);
    assertThat(vagrant.get("cloud-init").path("kind").asText()).isEqualTo("skip");
    assertThat(vagrant.get("command 1").path("kind").asText()).isEqualTo("skip");
    assertThat(vagrant.get("route default").path("reason").asText())
        .isEqualTo("Vagrant's own NAT NIC keeps the default route");
    assertThat(vagrant.get("nic eth0").path("mac").isNull()).as("Vagrant picks MACs: found by address").isTrue();
  }

  /** A machine's expect replaces the default list whole; only a machine with expectations gets a new instance id. */
  @Test
  void aMachinesListReplacesTheDefaultsAndOnlyExpectationsChangeTheInstanceId(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String spec = """
        version: 1
        name: ex
        images: {deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", format: qcow2}}}
        networks: [{name: lan, cidr: 10.1.0.0/24}]
        defaults:
          image: deb
          expect: [{ping: b}]
        machines:
          - name: a
            expect: [{tcp: "b:22"}, {command: "true"}]
          - name: b
        """;
    Lab lab = Specs.lab(java.nio.file.Files.writeString(dir.resolve("ex.yaml"), spec));
    assertThat(machine(lab, "a").expect()).containsExactly(new dev.labforge.model.Expectation(null, null, null, "b:22"),
        new dev.labforge.model.Expectation("true", null, null, null));
    assertThat(machine(lab, "b").expect()).containsExactly(new dev.labforge.model.Expectation(null, null, "b", null));
    Lab without = Specs.lab(java.nio.file.Files.writeString(dir.resolve("ex.yaml"),
        spec.replace("  expect: [{ping: b}]\n", "").replace("    expect: [{tcp: \"b:22\"}, {command: \"true\"}]\n", "")));
    assertThat(machine(without, "a").expect()).isEmpty();
    assertThat(machine(without, "a").instanceId()).isNotEqualTo(machine(lab, "a").instanceId());
    Map<String, JsonNode> a = checks(lab, "a", GuestChecks.Engine.CLOUD_INIT);
    assertThat(a.get("expect 1: tcp b:22").path("address").asText()).isEqualTo(machine(lab, "b").primaryNic().ip().toString());
    assertThat(a.get("expect 1: tcp b:22").path("port").asInt()).isEqualTo(22);
    assertThat(a.get("expect 2: true").path("stdout").isNull()).isTrue();
  }

  private static Machine machine(Lab lab, String name) {
    return lab.machines().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, JsonNode> checks(Lab lab, String name, GuestChecks.Engine engine) throws Exception {
    JsonNode plan = JSON.readTree(GuestChecks.plan(lab, machine(lab, name), engine, "# hosts\n"));
    assertThat(plan.path("machine").asText()).isEqualTo(name);
    Map<String, JsonNode> checks = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    plan.path("checks").forEach(c -> {
      names.add(c.path("name").asText());
      checks.put(c.path("name").asText(), c);
    });
    assertThat(names).as("names are unique: the report is read by name").doesNotHaveDuplicates();
    return checks;
  }
}
