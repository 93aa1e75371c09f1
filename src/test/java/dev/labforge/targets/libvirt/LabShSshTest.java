package dev.labforge.targets.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lab.sh ssh} of libvirt and Xen as ssh sees it: a stand-in {@code ssh} first on PATH hands lab.sh's command line
 * to the real ssh with {@code -G}, which prints what it would connect to, with which jump, key and
 * known_hosts. A routed lab: the host reaches r1 on wan; client1 is on lan1, which r1 routes.
 */
class LabShSshTest {
  static final String SPEC = """
      version: 1
      name: sshlab
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
      machines:
        - { name: r1, forwarding: true, nics: [{ network: wan, ip: 192.168.100.10 }, { network: lan1, ip: 10.1.0.1 }] }
        - { name: client1, nics: [{ network: lan1, ip: 10.1.0.10 }] }
      """;

  @TempDir
  Path temp;
  Path libvirt; // the target's folder, lab.sh's
  Path key;
  Map<String, String> env;

  void generate(String target) throws Exception {
    RealTools.require("ssh", "bash");
    Path spec = temp.resolve("sshlab.yaml");
    Files.writeString(spec, SPEC);
    libvirt = Specs.generate(spec, temp.resolve("out dir")).resolve(target);
    key = temp.resolve("keys/lab key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, "not a real key: ssh -G does not read it\n");
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path realSsh = Path.of(Tools.system().run(temp, Map.of(), 10, "sh", "-c", "command -v ssh").output().strip());
    Path fake = bin.resolve("ssh");
    Files.writeString(fake, "#!/bin/sh\nexec '" + realSsh + "' -G \"$@\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "LABFORGE_SSH_KEY", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt", "xen"})
  void sshGoesThroughTheRouterWithTheKeyAndTheLabsKnownHosts(String target) throws Exception {
    generate(target);
    List<String> options = labSh(env, "ssh", "-i", key.toString(), "client1");
    assertThat(options).contains("hostname 10.1.0.10", "proxyjump r1", "user lab", "stricthostkeychecking accept-new",
        "userknownhostsfile " + libvirt.resolve(".ssh/known_hosts"), "identityfile " + key);
    // ssh hands -F, not -i, to the jump: the jump, resolved as ssh resolves it, has the key too
    List<String> jump = options(Tools.system().run(temp, Map.of(), 30, "ssh", "-G", "-F",
        libvirt.resolve(".ssh/config").toString(), "r1"));
    assertThat(jump).contains("hostname 192.168.100.10", "user lab", "stricthostkeychecking accept-new",
        "userknownhostsfile " + libvirt.resolve(".ssh/known_hosts"), "identityfile " + key);
    assertThat(jump).noneMatch(l -> l.startsWith("proxyjump "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt", "xen"})
  void theKeyComesFromLabforgeSshKeyToo(String target) throws Exception {
    generate(target);
    List<String> options = labSh(Map.of("PATH", env.get("PATH"), "LABFORGE_SSH_KEY", key.toString()), "ssh", "r1",
        "uptime");
    assertThat(options).contains("hostname 192.168.100.10", "identityfile " + key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt", "xen"})
  void anUnreadableKeyIsAnError(String target) throws Exception {
    generate(target);
    Tools.Run run = Tools.system().run(libvirt, env, 30, "bash", "lab.sh", "ssh", "-i", temp.resolve("nokey").toString(),
        "client1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).isEqualTo("lab.sh: cannot read the key " + temp.resolve("nokey") + "\n");
  }

  private List<String> labSh(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "lab.sh"));
    command.addAll(List.of(args));
    return options(Tools.system().run(libvirt, env, 30, command.toArray(String[]::new)));
  }

  private static List<String> options(Tools.Run run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
    return run.output().lines().toList();
  }
}
