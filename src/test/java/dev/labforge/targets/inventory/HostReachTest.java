package dev.labforge.targets.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routed lab, seen from the host: the host has an address only on {@code wan} (no machine owns its
 * gateway); {@code lan1} is routed by r1, {@code lan2} by r2, which is itself behind r1, and r3's
 * networks are reached by nobody. ssh and ansible, the real consumers, must resolve each machine to
 * an address the host or its jump reaches.
 */
class HostReachTest {
  static final String SPEC = """
      version: 1
      name: reach
      defaults:
        image: debian-12
        memory: 512MiB
        users: [{ name: lab, ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@ws"] }]
      images:
        debian-12:
          os: debian
          release: "12"
          source: { url: https://example.org/d.qcow2, checksum: none, format: qcow2 }
      networks:
        - { name: wan, cidr: 192.168.100.0/24, kind: nat }
        - { name: lan1, cidr: 10.1.0.0/24, gateway: 10.1.0.1 }
        - { name: lan2, cidr: 10.2.0.0/24, gateway: 10.2.0.1 }
        - { name: lan3, cidr: 10.3.0.0/24, gateway: 10.3.0.1 }
      machines:
        - { name: bastion, nics: [{ network: wan, ip: 192.168.100.5 }, { network: lan1, ip: 10.1.0.5 }] }
        - { name: r1, forwarding: true, nics: [{ network: wan, ip: 192.168.100.10 }, { network: lan1, ip: 10.1.0.1 }] }
        - { name: r2, forwarding: true, nics: [{ network: lan1, ip: 10.1.0.2 }, { network: lan2, ip: 10.2.0.1 }] }
        - { name: client1, nics: [{ network: lan1, ip: 10.1.0.10 }] }
        - { name: client2, nics: [{ network: lan2, ip: 10.2.0.10 }] }
        - { name: r3, forwarding: true, nics: [{ network: lan3, ip: 10.3.0.1 }] }
      """;

  /** machine -> {hostname, proxyjump (null: none)}: what ssh must make of ssh_config. */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("bastion", java.util.Arrays.asList("192.168.100.5", null));
    EXPECTED.put("r1", java.util.Arrays.asList("192.168.100.10", null));
    // r1 owns lan1's gateway: it is lan1's jump although bastion, also on lan1, comes first
    EXPECTED.put("r2", java.util.Arrays.asList("10.1.0.2", "r1"));
    EXPECTED.put("client1", java.util.Arrays.asList("10.1.0.10", "r1"));
    // a chain: r2 is itself reached through r1
    EXPECTED.put("client2", java.util.Arrays.asList("10.2.0.10", "r2"));
    // nobody reaches lan3: its first address, and a comment that says so
    EXPECTED.put("r3", java.util.Arrays.asList("10.3.0.1", null));
  }

  @TempDir
  Path temp;

  private Path inventory() throws Exception {
    Path spec = temp.resolve("reach.yaml");
    Files.writeString(spec, SPEC);
    return Specs.generate(spec, temp.resolve("out")).resolve("inventory");
  }

  @Test
  void sshResolvesEachMachineToAnAddressTheHostOrItsJumpReaches() throws Exception {
    RealTools.require("ssh");
    Path dir = inventory();
    for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
      Map<String, String> options = sshG(dir, "-F", "ssh_config", e.getKey());
      assertThat(options.get("hostname")).as("%s hostname", e.getKey()).isEqualTo(e.getValue().get(0));
      assertThat(options.get("proxyjump")).as("%s proxyjump", e.getKey()).isEqualTo(e.getValue().get(1));
      assertThat(options.get("user")).isEqualTo("lab");
      assertThat(options.get("stricthostkeychecking")).isEqualTo("accept-new");
    }
    String config = Files.readString(dir.resolve("ssh_config"));
    assertThat(config).contains("""
        Host client2
          HostName 10.2.0.10
          User lab
          ProxyJump r2
          StrictHostKeyChecking accept-new
          # reached through r2: the host has no address on lan2
        """);
    assertThat(config).contains("""
        Host r3
          HostName 10.3.0.1
          User lab
          StrictHostKeyChecking accept-new
          # the host has no address on this machine's networks and no machine it reaches leads there: \
        give the lab a network whose gateway no machine owns (docs/targets/inventory.md)
        """);
  }

  /**
   * Ansible builds the ssh command itself: a stand-in ssh records what ansible runs, and real ssh
   * resolves that command line (-G), so the jump is proven as ansible uses it.
   */
  @Test
  void ansibleConnectsThroughTheSameJump() throws Exception {
    RealTools.require("ansible");
    RealTools.require("ssh");
    Path dir = inventory();
    Path record = temp.resolve("ssh-args");
    Path fake = temp.resolve("fake-ssh");
    Files.writeString(fake, "#!/bin/sh\nssh -G \"$@\" > \"" + record + "\" 2>&1\nexit 255\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = new HashMap<>(Map.of("ANSIBLE_LOCAL_TEMP", temp.resolve("ansible-tmp").toString(),
        "ANSIBLE_HOME", temp.resolve("ansible-home").toString(), "ANSIBLE_SSH_EXECUTABLE", fake.toString(),
        "ANSIBLE_INVENTORY_ENABLED", "yaml", "ANSIBLE_SSH_RETRIES", "0"));
    for (String machine : List.of("client2", "r1")) {
      Files.deleteIfExists(record);
      Tools.Run run = Tools.system().run(temp, env, 120, "ansible", "-i", dir.resolve("ansible.yml").toString(),
          machine, "-m", "ping");
      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(record).as(run.output()).exists();
      Map<String, String> options = parse(Files.readString(record));
      assertThat(options.get("hostname")).as(machine).isEqualTo(EXPECTED.get(machine).get(0));
      assertThat(options.get("proxyjump")).as(machine).isEqualTo(EXPECTED.get(machine).get(1));
      assertThat(options.get("stricthostkeychecking")).isEqualTo("accept-new");
    }
    JsonNode list = new ObjectMapper().readTree(Tools.system().run(dir, env, 120, "ansible-inventory", "-i",
        "ansible.yml", "--host", "client2").output());
    assertThat(list.path("ansible_host").asText()).isEqualTo("10.2.0.10");
  }

  private static Map<String, String> sshG(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("ssh", "-G"));
    command.addAll(List.of(args));
    Tools.Run run = Tools.system().run(dir, Map.of(), 30, command.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.output()).isZero();
    return parse(run.output());
  }

  private static Map<String, String> parse(String output) {
    Map<String, String> options = new HashMap<>();
    output.lines().map(l -> l.split(" ", 2)).filter(p -> p.length == 2).forEach(p -> options.putIfAbsent(p[0], p[1]));
    return options;
  }
}
