package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.cli.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large lab is generated correctly: 1,000 machines (two entries of {@code count: 500}) give a complete manifest and right files. Correctness only; the timing goals are
 * scripts/bench's. The big case is tagged {@code scale}: CI runs it, the default suite does not (minutes on 2 cores).
 *
 * <p>The LXD target is off here: every machine's seed /etc/hosts lists the whole lab, so the one
 * LXD preseed, which carries every machine's user-data, grows with the square of the lab (~80 MB
 * at 1,000 machines) and stops at the 64 MiB output limit with exit 1 (see docs/performance.md).
 */
class ScaleTest {
  private static final int MACHINES = 1000;

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
        targets:
          lxd: { enabled: false }
        machines:
        """);
    for (int i = 1; i <= entries; i++) {
      s.append("  - { name: node").append(i).append(", count: ").append(count)
          .append(", files: [{ path: /etc/motd, content: \"node ").append(i).append("\\n\" }] }\n");
    }
    return s.toString();
  }

  @Test
  @Tag("scale")
  void aThousandMachinesGiveACompleteManifestAndRightFiles(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("scale.yaml");
    Files.writeString(spec, spec(2, 500));
    Cli.Result result = Cli.run("gen", spec.toString(), "-o", dir.resolve("out").toString());
    assertThat(result.code()).as(result.err()).isZero();
    Path lab = dir.resolve("out/scale");

    JsonNode manifest = new ObjectMapper().readTree(lab.resolve("manifest.json").toFile());
    Map<String, JsonNode> entries = new HashMap<>();
    manifest.get("files").forEach(f -> entries.put(f.get("path").asText(), f));
    assertThat(entries).hasSize(manifest.get("files").size());
    long userData = entries.keySet().stream().filter(p -> p.matches("cloud-init/node[12]-\\d+/user-data")).count();
    assertThat(userData).isEqualTo(MACHINES);
    long isos = entries.keySet().stream().filter(p -> p.endsWith(".iso")).count();
    assertThat(isos).isEqualTo(2L * MACHINES);
    try (var walk = Files.walk(lab)) {
      List<String> onDisk = walk.filter(Files::isRegularFile).map(p -> lab.relativize(p).toString())
          .filter(p -> !p.equals("manifest.json")).toList();
      assertThat(onDisk).hasSameSizeAs(entries.keySet()).allMatch(entries::containsKey);
    }

    // A sample: first, last, and entry borders. Each is the file the manifest describes.
    for (String machine : List.of("node1-1", "node1-500", "node2-1", "node2-377", "node2-500")) {
      for (String name : List.of("user-data", "meta-data", "network-config", "nocloud.iso", "config-drive.iso")) {
        String path = "cloud-init/" + machine + "/" + name;
        byte[] bytes = Files.readAllBytes(lab.resolve(path));
        assertThat(entries.get(path).get("size").asLong()).as(path).isEqualTo(bytes.length);
        assertThat(entries.get(path).get("sha256").asText()).as(path).isEqualTo(sha256(bytes));
      }
      assertThat(Files.readString(lab.resolve("cloud-init/" + machine + "/user-data")))
          .contains("hostname: \"" + machine + "\"");
    }
    // Derived addresses: machine k (0-based, spec order) gets 10.64.0.10 + k.
    assertThat(Files.readString(lab.resolve("cloud-init/node1-1/network-config"))).contains("\"10.64.0.10/16\"");
    assertThat(Files.readString(lab.resolve("cloud-init/node2-500/network-config"))).contains("\"10.64.3.241/16\"");

    String vagrantfile = Files.readString(lab.resolve("vagrant/Vagrantfile"), StandardCharsets.UTF_8);
    assertThat(count(vagrantfile, "vm.define")).isEqualTo(MACHINES);
    Set<String> macs = new HashSet<>();
    Matcher mac = Pattern.compile("52:54:00(:[0-9a-f]{2}){3}").matcher(vagrantfile);
    while (mac.find()) {
      macs.add(mac.group());
    }
    assertThat(macs).hasSize(MACHINES);
    String terraform = Files.readString(lab.resolve("terraform/openstack/main.tf"));
    assertThat(terraform).contains("node1-1").contains("node2-500");
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
