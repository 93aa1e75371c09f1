package dev.labforge.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the qemu target puts into the files of others: the guest agent package and the bootcmd
 * that raises the mgmt0 NIC in the seed (never the network-config: cloud-init fails a boot whose
 * network-config names a MAC the machine lacks, which every other engine's guest would), the Host M.qemu entries in ssh_config; and that turning it (or the agent) off in the
 * spec takes them out again.
 */
class QemuSeedTest {
  @TempDir
  Path tmp;

  List<RenderedFile> router(String targets) throws IOException {
    String spec = Files.readString(Path.of("examples/router.yaml")) + targets;
    Path file = tmp.resolve("router.yaml");
    Files.writeString(file, spec);
    return Specs.render(file);
  }

  static String text(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text();
  }

  @Test
  void onByDefault() throws IOException {
    List<RenderedFile> files = router("");
    String userData = text(files, "cloud-init/client1/user-data");
    assertThat(userData).contains("packages:\n  - \"qemu-guest-agent\"\n");
    String mac = QemuWires.managementNic(Specs.lab(tmp.resolve("router.yaml")),
        Specs.lab(tmp.resolve("router.yaml")).machines().stream().filter(m -> m.name().equals("client1")).findFirst()
            .orElseThrow()).orElseThrow().mac();
    assertThat(userData).contains("= " + mac + " ] || continue;").contains("ip link set \\\"$i\\\" name mgmt0")
        .contains("ip address replace 10.0.2.15/24 dev mgmt0")
        .contains("echo 'nameserver 10.0.2.3' >> /etc/resolv.conf");
    assertThat(text(files, "cloud-init/client1/network-config")).doesNotContain("mgmt0").doesNotContain(mac);
    int port = QemuWires.sshPorts(Specs.lab(tmp.resolve("router.yaml"))).get("client1");
    assertThat(text(files, "inventory/ssh_config"))
        .contains("Host client1.qemu\n  HostName 127.0.0.1\n  Port " + port + "\n  HostKeyAlias client1.qemu\n  User lab\n");
    assertThat(text(files, "qemu/client1.sh")).contains("hostfwd=tcp:127.0.0.1:" + port + "-:22'");
  }

  @Test
  void theAgentCanBeTurnedOff() throws IOException {
    List<RenderedFile> files = router("targets:\n  qemu:\n    guest_agent: false\n");
    assertThat(text(files, "cloud-init/client1/user-data")).doesNotContain("qemu-guest-agent");
    assertThat(text(files, "cloud-init/client1/user-data")).contains("name mgmt0");
  }

  @Test
  void aLabWithoutTheTargetHasNoneOfIt() throws IOException {
    List<RenderedFile> files = router("targets:\n  qemu:\n    enabled: false\n");
    assertThat(text(files, "cloud-init/client1/user-data")).doesNotContain("qemu-guest-agent").doesNotContain("mgmt0");
    assertThat(text(files, "cloud-init/client1/network-config")).doesNotContain("mgmt0");
    assertThat(text(files, "inventory/ssh_config")).doesNotContain(".qemu");
  }
}
