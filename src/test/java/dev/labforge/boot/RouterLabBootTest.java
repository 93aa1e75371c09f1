package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.HostNames;
import dev.labforge.model.Forwarding;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the router example runs on real libvirt, and a client on one LAN reaches the client on
 * the other LAN through the router machine. examples/router.yaml is generated as it is, plus what
 * the proof needs: TCG ({@code targets.libvirt.domain_type: qemu}) and, on each client, a script
 * that pings the other client (scripts/ping-through.sh). The libvirt networks of both LANs have no
 * host address (the router owns the gateways), so no packet can take a path through the host; the
 * reply's TTL (63) shows the one hop through the router. The image is the boot image, which has no
 * net-tools, as Debian's cloud images: the default route and every static route must come from
 * ifupdown with iproute2, and show in cloud-init's own route table on the console (printed by its
 * init-network stage, before any user-data module could add a route). libvirtd runs in a namespace
 * this test creates, as in {@link LibvirtLabBootTest}.
 */
@Tag("boot")
class RouterLabBootTest {
  static final Path EXAMPLE = Path.of("examples/router.yaml");
  static final Path SCRIPT = Path.of("src/test/resources/specs/scripts/ping-through.sh");
  static final Path EVIDENCE = Path.of("target/boot/router");

  @Test
  void clientsReachEachOtherThroughTheRouter(@TempDir Path work) throws Exception {
    RealTools.require("debootstrap", "mkfs.ext4", "qemu-img", "qemu-system-x86_64", "debugfs", "virsh",
        "libvirtd", "virtlogd", "unshare", "nsenter", "ip");
    long start = System.nanoTime();
    Path spec = proofSpec(work);
    Lab lab = Specs.lab(spec);
    Path out = Specs.generate(spec, work.resolve("out"));
    Path libvirt = out.resolve("libvirt");
    GuestImage image = GuestImage.get(lab.image("debian-12").packages());
    String labDir = LibvirtLabBootTest.POOL + "/" + lab.name();
    Files.createDirectories(EVIDENCE);

    Map<String, String> env = new HashMap<>();
    env.put("LABFORGE_IMAGE_debian_12", image.disk().toAbsolutePath().toString());
    env.put("LABFORGE_KERNEL_debian_12", image.kernel().toAbsolutePath().toString());
    env.put("LABFORGE_INITRD_debian_12", image.initrd().toAbsolutePath().toString());
    env.put("LABFORGE_CMDLINE_debian_12", "root=/dev/vda rw console=ttyS0 " + Vm.FAST_WRITEBACK);

    try (LibvirtNamespace ns = LibvirtNamespace.start(work.resolve("ns"))) {
      Command up = ns.run(LibvirtLabBootTest.BOOT_LIMIT.toSeconds() + 900, env, List.of("bash",
          libvirt.resolve("lab.sh").toString(), "up", "--wait", String.valueOf(LibvirtLabBootTest.BOOT_LIMIT.toSeconds())));
      LabCheckProof.waited(up);
      long upSeconds = seconds(start);
      SoftAssertions soft = new SoftAssertions();
      for (var n : lab.networks().stream().filter(n -> n.routedByMachine()).toList()) {
        String bridge = ns.ok(30, "virsh", "-q", "-c", LibvirtNamespace.URI, "net-info", HostNames.network(lab.name(), n.name()))
            .text().lines().filter(l -> l.startsWith("Bridge:")).map(l -> l.substring(7).strip()).findFirst().orElse("");
        soft.assertThat(ns.run(30, "ip", "-4", "-o", "addr", "show", "dev", bridge).text())
            .as("the host has no address on %s (%s): only the router routes", n.name(), bridge).isEmpty();
      }

      Map<String, String> finished = LibvirtLabBootTest.awaitFinalMessages(ns, lab, out, labDir);
      long bootSeconds = seconds(start);
      StringBuilder sessions = new StringBuilder();
      for (Machine client : clients(lab)) {
        sessions.append(sshFromTheHost(soft, ns, env, libvirt, work, client));
      }
      sessions.append(checks(soft, ns, env, libvirt, work, lab));
      Thread.sleep(BootTest.AFTER_FINISHED.toMillis());
      for (Machine m : lab.machines()) {
        ns.virsh("destroy", HostNames.machine(lab.name(), m.name()));
        Files.writeString(EVIDENCE.resolve(m.name() + "-console.log"),
            ns.ok(30, "cat", labDir + "/" + m.name() + ".console.log").text());
      }

      Map<String, String> logs = new LinkedHashMap<>();
      StringBuilder evidence = new StringBuilder();
      for (Machine m : lab.machines()) {
        GuestDisk root = LibvirtLabBootTest.disk(ns, labDir + "/" + m.name() + ".qcow2", work.resolve(m.name() + ".raw"), 0);
        String console = Files.readString(EVIDENCE.resolve(m.name() + "-console.log"));
        CiInfoRoutes.check(soft, root, m, console);
        String eni = root.text("/etc/network/interfaces.d/50-cloud-init");
        evidence.append("== ").append(m.name()).append(": cloud-init's route table on the console (init-network)\n")
            .append(CiInfoRoutes.lines(console))
            .append("== ").append(m.name()).append(": /etc/network/interfaces.d/50-cloud-init\n").append(eni)
            .append("== ").append(m.name()).append(": /usr/sbin/route: ")
            .append(root.stat("/usr/sbin/route").isPresent() ? "present" : "absent (no net-tools)").append("\n");
        String result = root.text("/var/lib/cloud/data/result.json");
        Files.writeString(EVIDENCE.resolve(m.name() + "-result.json"), result);
        soft.assertThat(new ObjectMapper().readTree(result).path("v1").path("errors").size())
            .as("%s: cloud-init errors in %s", m.name(), result).isZero();
        if (m.forwarding()) {
          soft.assertThat(root.text(Forwarding.SYSCTL_FILE)).as("%s keeps forwarding", m.name())
              .isEqualTo(Forwarding.SYSCTL_CONTENT);
          continue;
        }
        String log = root.text("/var/log/labforge-route.log");
        logs.put(m.name(), log);
        evidence.append("== ").append(m.name()).append(": /var/log/labforge-route.log (ip -4 route show, then the pings)\n")
            .append(log);
        Files.writeString(EVIDENCE.resolve(m.name() + "-route.log"), log);
        Nic nic = m.primaryNic();
        soft.assertThat(log).as("%s: default route through the router", m.name())
            .containsPattern("(?m)^default via " + Pattern.quote(nic.gateway().toString()) + " dev eth0");
        nic.routes().forEach(r -> soft.assertThat(log).as("%s: the spec's route", m.name())
            .containsPattern("(?m)^" + Pattern.quote(r.to().toString()) + " via " + Pattern.quote(r.via().toString()) + " dev eth0"));
        for (Machine peer : clients(lab)) {
          if (peer != m) {
            String address = peer.primaryNic().ip().toString();
            soft.assertThat(log).as("%s reached %s through the router", m.name(), peer.name())
                .contains("route " + peer.name() + " " + address + " ok")
                .containsPattern("bytes from " + Pattern.quote(address) + ": icmp_seq=\\d+ ttl=63 ");
          }
        }
      }

      Files.writeString(EVIDENCE.resolve("evidence.txt"), evidence.append(sessions));

      Command down = ns.run(300, env, List.of("bash", libvirt.resolve("lab.sh").toString(), "down"));
      soft.assertThat(down.exitCode()).as("lab.sh down:\n" + down.stderr()).isZero();
      soft.assertThat(ns.virsh("list", "--all", "--name").strip()).as("domains after down").isEmpty();
      soft.assertThat(ns.virsh("net-list", "--all", "--name").strip()).as("networks after down").isEmpty();

      System.out.printf("[boot] router lab %s: image %d s (cache %s), up %d s, every final message %d s, total %d s%n",
          lab.name(), image.buildSeconds(), image.dir(), upSeconds, bootSeconds, seconds(start));
      finished.forEach((m, line) -> System.out.printf("  %s: %s%n", m, line.strip()));
      logs.forEach((m, log) -> System.out.printf("  %s route log:%n    %s%n", m, log.strip().replace("\n", "\n    ")));
      soft.assertAll();
    }
  }

  /**
   * The way in from the host (issue 24): {@code lab.sh ssh -i KEY CLIENT} goes through the generated
   * inventory/ssh_config, which reaches the client only by a jump through the router (the host has
   * an address on mgmt alone), with the spec's key on every hop. In the guest, the session shows the
   * client's name and its routes.
   */
  private static String sshFromTheHost(SoftAssertions soft, LibvirtNamespace ns, Map<String, String> env, Path libvirt,
      Path work, Machine client) throws Exception {
    String config = Files.readString(libvirt.resolveSibling("inventory").resolve("ssh_config"));
    soft.assertThat(config).as("ssh_config reaches %s through the router", client.name())
        .containsPattern("(?s)Host " + Pattern.quote(client.name()) + "\\n.*?ProxyJump router\\b");
    List<String> argv = List.of("bash", libvirt.resolve("lab.sh").toString(), "ssh", "-i", key(work).toString(),
        client.name(), "hostname; ip -4 route show");
    Command ssh = ns.run(300, env, argv);
    String session = "== ssh from the host: lab.sh ssh -i KEY " + client.name() + " 'hostname; ip -4 route show' (exit "
        + ssh.exitCode() + ")\n" + ssh.text() + ssh.stderr();
    soft.assertThat(ssh.exitCode()).as("ssh to %s:\n%s", client.name(), session).isZero();
    soft.assertThat(ssh.text()).as("the session runs on %s", client.name()).startsWith(client.name() + "\n");
    Nic nic = client.primaryNic();
    soft.assertThat(ssh.text()).as("%s: default route in the session", client.name())
        .containsPattern("(?m)^default via " + Pattern.quote(nic.gateway().toString()) + " dev eth0");
    nic.routes().forEach(r -> soft.assertThat(ssh.text()).as("%s: route in the session", client.name())
        .containsPattern("(?m)^" + Pattern.quote(r.to().toString()) + " via " + Pattern.quote(r.via().toString()) + " dev eth0"));
    return session + "== " + client.name() + "'s Host entry in inventory/ssh_config\n"
        + config.substring(config.indexOf("Host " + client.name() + "\n")).split("\n\n")[0] + "\n";
  }

  /**
   * Issue 25: {@code lab.sh check} passes on the lab as booted; then client1's static route is deleted in the
   * guest and its checks run again, and {@code lab.sh check} fails naming client1 and that route.
   */
  private static String checks(SoftAssertions soft, LibvirtNamespace ns, Map<String, String> env, Path libvirt,
      Path work, Lab lab) throws Exception {
    String labSh = libvirt.resolve("lab.sh").toString();
    Command check = ns.run(300, env, List.of("bash", labSh, "check"));
    LabCheckProof.passes(soft, check, lab);
    Machine broken = clients(lab).get(0);
    String route = broken.primaryNic().routes().get(0).to().toString();
    Command breakIt = ns.run(300, env, List.of("bash", labSh, "ssh", "-i", key(work).toString(), broken.name(),
        "sudo ip route del " + route + "; " + LabCheckProof.RERUN + "; true"));
    soft.assertThat(breakIt.exitCode()).as("breaking %s:\n%s%s", broken.name(), breakIt.text(), breakIt.stderr()).isZero();
    Command after = LabCheckProof.checkUntilItFails(() -> ns.run(300, env, List.of("bash", labSh, "check")));
    LabCheckProof.failsNaming(soft, after, broken.name(), "route " + route);
    return "== lab.sh check (exit " + check.exitCode() + ")\n" + check.text() + check.stderr()
        + "== " + broken.name() + ": sudo ip route del " + route + "; sudo labforge-check\n" + breakIt.text()
        + "== lab.sh check (exit " + after.exitCode() + ")\n" + after.text() + after.stderr();
  }

  private static Path key(Path work) {
    return work.resolve("ssh/id_ed25519");
  }

  /**
   * The example as a user gets it (the host reaches the router on mgmt, the clients through it), plus
   * TCG, the ping script on each client (with the other clients as its peers), and a key pair of the
   * test's own in the user's keys.
   */
  static Path proofSpec(Path work) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode spec = (ObjectNode) yaml.readTree(EXAMPLE.toFile());
    spec.withObject("/targets").withObject("/libvirt").put("domain_type", "qemu");
    Files.createDirectories(key(work).getParent());
    Command keygen = Command.run(60, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "router-proof",
        "-f", key(work).toString());
    assertThat(keygen.exitCode()).as("ssh-keygen: " + keygen.stderr()).isZero();
    String publicKey = Files.readString(Path.of(key(work) + ".pub")).strip();
    for (var user : spec.withObject("/defaults").withArray("users")) {
      ((ArrayNode) user.withArray("ssh_authorized_keys")).add(publicKey);
    }
    Lab example = Specs.lab(EXAMPLE);
    List<Machine> clients = clients(example);
    for (var node : spec.withArray("machines")) {
      ObjectNode machine = (ObjectNode) node;
      if (machine.path("forwarding").asBoolean(false)) {
        continue;
      }
      StringBuilder peers = new StringBuilder();
      clients.stream().filter(c -> !c.name().equals(machine.path("name").asText()))
          .forEach(c -> peers.append(c.name()).append(' ').append(c.primaryNic().ip()).append('\n'));
      ArrayNode files = machine.putArray("files");
      files.addObject().put("path", "/etc/labforge/route-peers").put("content", peers.toString());
      machine.putArray("scripts").addObject().put("name", "ping-through").put("path", "scripts/ping-through.sh");
    }
    Files.createDirectories(work.resolve("spec/scripts"));
    Files.copy(SCRIPT, work.resolve("spec/scripts/ping-through.sh"));
    Path file = work.resolve("spec/router.json");
    Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec));
    return file;
  }

  private static List<Machine> clients(Lab lab) {
    return lab.machines().stream().filter(m -> !m.forwarding()).toList();
  }

  private static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000L;
  }
}
