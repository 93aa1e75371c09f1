package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.cli.Cli;
import dev.labforge.model.LabHosts;
import dev.labforge.render.OutputTooLargeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large lab is generated correctly: 2,000 machines (four entries of {@code count: 500}), every
 * target on, give a complete manifest and right files, none over the output limit. Correctness
 * only; the timing goals are scripts/bench's. It runs in the default suite: what grows with the
 * lab is linear (a machine's own /etc/hosts lists itself only above {@link LabHosts#SEED_LIMIT}
 * machines), so 2,000 machines take about a minute of CPU.
 */
class ScaleTest {
  private static final int ENTRIES = 4;
  private static final int COUNT = 500;
  private static final int MACHINES = ENTRIES * COUNT;

  /** The shape of scripts/bench's scale specs. */
  static String spec(int entries, int count) {
    StringBuilder s = new StringBuilder("""
        version: 1
        name: scale
        defaults:
          image: debian-12
          users:
            - name: lab
              sudo: true
              ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE lab@workstation"]
          packages: [vim]
        images:
          debian-12:
            os: debian
            release: "12"
            source: { url: "https://example.org/debian-12.qcow2", format: qcow2 }
        networks:
          - { name: lab, cidr: 10.64.0.0/16 }
        machines:
        """);
    for (int i = 1; i <= entries; i++) {
      s.append("  - { name: node").append(i).append(", count: ").append(count)
          .append(", files: [{ path: /etc/motd, content: \"node ").append(i).append("\\n\" }] }\n");
    }
    return s.toString();
  }

  @Test
  void twoThousandMachinesGiveACompleteManifestAndRightFilesInEveryTarget(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("scale.yaml");
    Files.writeString(spec, spec(ENTRIES, COUNT));
    Cli.Result result = Cli.run("gen", "-q", spec.toString(), "-o", dir.resolve("out").toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEqualTo(spec + ":17:1: warning: /machines: the lab has 2000 machines, more than"
        + " the 256 a machine's /etc/hosts lists: each machine's /etc/hosts lists only itself; inventory/hosts"
        + " lists every machine\nmachines:\n^\n1 warning\n");
    Path lab = dir.resolve("out/scale");

    // The manifest lists exactly the files on disk, each within the output limit.
    JsonNode manifest = new ObjectMapper().readTree(lab.resolve("manifest.json").toFile());
    Map<String, JsonNode> entries = new HashMap<>();
    manifest.get("files").forEach(f -> entries.put(f.get("path").asText(), f));
    assertThat(entries).hasSize(manifest.get("files").size());
    try (var walk = Files.walk(lab)) {
      List<Path> onDisk = walk.filter(Files::isRegularFile).toList();
      for (Path p : onDisk) {
        assertThat(Files.size(p)).as("%s", p).isLessThanOrEqualTo(OutputTooLargeException.MAX_BYTES);
      }
      List<String> paths = onDisk.stream().map(p -> lab.relativize(p).toString())
          .filter(p -> !p.equals("manifest.json")).toList();
      assertThat(paths).hasSameSizeAs(entries.keySet()).allMatch(entries::containsKey);
    }
    assertThat(count(entries.keySet(), "cloud-init/node[1-4]-\\d+/user-data")).isEqualTo(MACHINES);
    assertThat(count(entries.keySet(), "cloud-init/node[1-4]-\\d+/(nocloud|config-drive)\\.iso")).isEqualTo(2 * MACHINES);
    assertThat(count(entries.keySet(), "libvirt/domains/node[1-4]-\\d+\\.xml")).isEqualTo(MACHINES);
    assertThat(count(entries.keySet(), "xen/node[1-4]-\\d+\\.cfg")).isEqualTo(MACHINES);
    assertThat(entries).containsKeys("vagrant/Vagrantfile", "lxd/preseed.yaml", "lxd/lab.sh", "libvirt/lab.sh",
        "libvirt/networks/lab.xml", "xen/lab.sh", "terraform/openstack/main.tf", "inventory/hosts",
        "inventory/ansible.yml", "packer/debian-12.pkr.hcl");

    // A sample: first, entry borders, the middle and the last machine. Each file is the one the
    // manifest describes; each /etc/hosts names its machine only (the lab is over the seed limit).
    String[] sample = {"node1-1", "node1-500", "node2-1", "node3-1", "node3-377", "node4-500"};
    for (String machine : sample) {
      List<String> files = new ArrayList<>();
      for (String name : List.of("user-data", "meta-data", "network-config", "nocloud.iso", "config-drive.iso",
          "config-drive/openstack/latest/user_data", "config-drive/openstack/latest/meta_data.json",
          "config-drive/openstack/latest/network_data.json")) {
        files.add("cloud-init/" + machine + "/" + name);
      }
      files.add("libvirt/domains/" + machine + ".xml");
      files.add("xen/" + machine + ".cfg");
      for (String path : files) {
        byte[] bytes = Files.readAllBytes(lab.resolve(path));
        assertThat(entries.get(path)).as(path).isNotNull();
        assertThat(entries.get(path).get("size").asLong()).as(path).isEqualTo(bytes.length);
        assertThat(entries.get(path).get("sha256").asText()).as(path).isEqualTo(sha256(bytes));
      }
      String userData = Files.readString(lab.resolve("cloud-init/" + machine + "/user-data"));
      assertThat(userData).contains("hostname: \"" + machine + "\"");
      assertThat(etcHosts(userData)).isEqualTo(hosts(machine, address(machine)));
      assertThat(Files.readString(lab.resolve("cloud-init/" + machine + "/network-config")))
          .contains("\"" + address(machine) + "/16\"");
      assertThat(Files.readString(lab.resolve("libvirt/domains/" + machine + ".xml")))
          .contains("<name>scale-" + machine + "</name>").contains("/" + machine + ".seed.iso");
      assertThat(Files.readString(lab.resolve("xen/" + machine + ".cfg"))).contains("name = \"scale-" + machine + "\""); // the lab's domain
    }
    // Derived addresses: machine k (0-based, spec order) gets 10.64.0.10 + k.
    assertThat(address("node4-500")).isEqualTo("10.64.7.217");

    // The LXD preseed: one profile per machine, each carrying its machine's user-data byte for byte.
    // SnakeYAML stops at 3 MB by default; labforge reads its own output back up to the output limit.
    LoaderOptions limits = new LoaderOptions();
    limits.setCodePointLimit(OutputTooLargeException.MAX_BYTES);
    JsonNode preseed = new YAMLMapper(YAMLFactory.builder().loaderOptions(limits).build())
        .readTree(lab.resolve("lxd/preseed.yaml").toFile());
    Map<String, JsonNode> profiles = new HashMap<>();
    preseed.get("profiles").forEach(p -> profiles.put(p.get("name").asText(), p));
    assertThat(profiles).hasSize(MACHINES);
    for (String machine : sample) {
      assertThat(profiles.get("scale-" + machine).path("config").path("cloud-init.user-data").asText())
          .isEqualTo(Files.readString(lab.resolve("cloud-init/" + machine + "/user-data")));
    }

    // The Vagrantfile: 2,000 machines with distinct MACs, each hosts step the machine's own.
    String vagrantfile = Files.readString(lab.resolve("vagrant/Vagrantfile"), StandardCharsets.UTF_8);
    assertThat(count(vagrantfile, "vm.define")).isEqualTo(MACHINES);
    Set<String> macs = new HashSet<>();
    Matcher mac = Pattern.compile("52:54:00(:[0-9a-f]{2}){3}").matcher(vagrantfile);
    while (mac.find()) {
      macs.add(mac.group());
    }
    assertThat(macs).hasSize(MACHINES);
    assertThat(count(vagrantfile, "'hosts: /etc/hosts'")).isEqualTo(MACHINES);
    for (String machine : sample) {
      assertThat(vagrantfile).contains("content: '" + hosts(machine, address(machine)).replace("'", "\\'") + "'");
    }

    String terraform = Files.readString(lab.resolve("terraform/openstack/main.tf"));
    assertThat(count(terraform, "\"../../cloud-init/node")).isEqualTo(MACHINES);
    assertThat(terraform).contains("node1-1").contains("node4-500");
    assertThat(Files.readString(lab.resolve("libvirt/lab.sh"))).contains("'node1-1' 'node1-2'", "'node4-500')");

    // inventory/hosts, one file, lists every machine.
    List<String> inventory = Files.readString(lab.resolve("inventory/hosts")).lines()
        .filter(l -> l.startsWith("10.64.")).toList();
    assertThat(inventory).hasSize(MACHINES);
    assertThat(inventory.get(MACHINES - 1)).isEqualTo("10.64.7.217     node4-500.scale.internal node4-500 node4-500-lab");
  }

  @Test
  void aLabBeyondTheMachineLimitIsALocatedError(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("big.yaml");
    Files.writeString(spec, spec(11, 1000));
    Cli.Result result = Cli.run("validate", spec.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("/machines/10/count: this entry takes the lab to 11000 machines; "
        + "a lab has at most 10000");
    Files.writeString(spec, spec(1, 1001));
    result = Cli.run("validate", spec.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("/machines/0/count");
  }

  /** The address derived for {@code node<e>-<i>}: machine k (0-based, spec order) gets 10.64.0.10 + k. */
  private static String address(String machine) {
    String[] parts = machine.substring("node".length()).split("-");
    int k = (Integer.parseInt(parts[0]) - 1) * COUNT + Integer.parseInt(parts[1]) - 1;
    return "10.64." + (10 + k) / 256 + "." + (10 + k) % 256;
  }

  /** A machine's own /etc/hosts in a lab over the seed limit. */
  private static String hosts(String machine, String ip) {
    return "# labforge: /etc/hosts of machine " + machine + " in lab scale. Generated; edit the lab spec instead.\n"
        + "127.0.0.1       localhost\n"
        + "::1             localhost ip6-localhost ip6-loopback\n"
        + "ff02::1         ip6-allnodes\n"
        + "ff02::2         ip6-allrouters\n"
        + "\n"
        + "# Machine " + machine + " of lab scale; <machine>-<network> names each address.\n"
        + "# The lab has " + MACHINES + " machines, more than the " + LabHosts.SEED_LIMIT + " a machine's /etc/hosts"
        + " lists: only " + machine + " is here; labforge's inventory/hosts lists them all.\n"
        + ip + " ".repeat(16 - ip.length()) + machine + ".scale.internal " + machine + " " + machine + "-lab\n";
  }

  private static String etcHosts(String userData) throws Exception {
    for (JsonNode f : new YAMLMapper().readTree(userData).path("write_files")) {
      if (f.path("path").asText().equals("/etc/hosts")) {
        return f.path("content").asText();
      }
    }
    throw new AssertionError("no /etc/hosts in user-data");
  }

  private static long count(Set<String> paths, String regex) {
    return paths.stream().filter(p -> p.matches(regex)).count();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
