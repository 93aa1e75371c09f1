package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: the router example on plain QEMU, run by an unprivileged user (uid 64123, no groups, no
 * capabilities) inside a network namespace this test makes, whose loopback carries multicast
 * (there is no default route there, so {@code 224.0.0.0/4 dev lo} is added). {@code lab.sh up} starts
 * the three machines from the boot image; the test waits until the guest agent of each says
 * cloud-init is done, then {@code lab.sh check} must pass on every machine; client1 pings client2
 * through the router (TTL 63) through the guest agent; a file written after {@code snapshot s1} is
 * gone after {@code restore s1}; the agent answers guest-ping; {@code down} leaves no process of
 * that user.
 */
@Tag("boot")
class QemuLabBootTest {
  static final Path EXAMPLE = Path.of("examples/router.yaml");
  static final Path EVIDENCE = Path.of("target/boot/qemu");
  static final int UID = 64123;
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void routerLabAsAnOrdinaryUser() throws Exception {
    RealTools.require("qemu-system-x86_64", "qemu-img", "unshare", "nsenter", "setpriv", "ip", "python3", "ps");
    long start = System.nanoTime();
    // a folder the user can reach (a @TempDir is root's, 0700)
    Path work = Files.createTempDirectory(Path.of("/tmp"), "labforge-qemu-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path home = Files.createDirectory(work.resolve("home"));
    Command.ok(30, "chown", UID + ":" + UID, home.toString());
    Lab lab = Specs.lab(EXAMPLE);
    Path out = Specs.generate(EXAMPLE, work.resolve("out"));
    Path qemu = out.resolve("qemu");
    GuestImage image = GuestImage.get(lab.image("debian-12").packages());
    Path images = Files.createDirectory(work.resolve("image"));
    for (Path p : List.of(image.disk(), image.kernel(), image.initrd())) {
      Files.copy(p, images.resolve(p.getFileName()));
    }
    Command.ok(30, "chmod", "-R", "a+rX", work.toString());
    Path state = home.resolve(".local/state/labforge/qemu/" + lab.name());
    Files.createDirectories(EVIDENCE);

    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("LABFORGE_IMAGE_debian_12", images.resolve(image.disk().getFileName()).toString());
    env.put("LABFORGE_KERNEL_debian_12", images.resolve(image.kernel().getFileName()).toString());
    env.put("LABFORGE_INITRD_debian_12", images.resolve(image.initrd().getFileName()).toString());
    env.put("LABFORGE_CMDLINE_debian_12", "root=/dev/vda rw console=ttyS0 " + Vm.FAST_WRITEBACK);

    Process holder = new ProcessBuilder("unshare", "--net", "--mount", "--fork", "sleep", "3600").start();
    try {
      long ns = awaitChild(holder);
      Command.ok(30, "nsenter", "-t", Long.toString(ns), "--net", "--mount", "sh", "-c",
          "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo");
      SoftAssertions soft = new SoftAssertions();

      Command up = labSh(ns, env, qemu, 300, "up");
      assertThat(up.exitCode()).as("lab.sh up:\n" + up.text() + up.stderr()).isZero();
      assertThat(up.stderr()).contains(", tcg, ssh on 127.0.0.1:");
      Command again = labSh(ns, env, qemu, 60, "up");
      soft.assertThat(again.stderr()).as("a second up").contains("router runs already (PID");
      long upSeconds = seconds(start);

      // cloud-init's end, asked through the guest agent (lab.sh status does the same)
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      for (Machine m : lab.machines()) {
        String status = "";
        while (System.nanoTime() < deadline && !status.startsWith("status: done") && !status.startsWith("status: error")) {
          Thread.sleep(10_000);
          status = exec(state.resolve(m.name() + ".qga"), "cloud-init status || true").strip();
        }
        soft.assertThat(status).as("%s: cloud-init status through the guest agent", m.name()).isEqualTo("status: done");
      }
      long bootSeconds = seconds(start);
      Command status = labSh(ns, env, qemu, 300, "status");
      Files.writeString(EVIDENCE.resolve("status.txt"), status.text());
      soft.assertThat(status.text()).as("lab.sh status").containsPattern("(?m)^router +running +\\d+ +127\\.0\\.0\\.1:\\d+ +ok +status: done");

      // the in-guest checks (issue 25); their reach checks wait for peers, so give them time
      Command check = null;
      for (int i = 0; i < 20; i++) {
        check = labSh(ns, env, qemu, 300, "check");
        if (check.exitCode() == 0 || !check.text().contains("no report")) {
          break;
        }
        Thread.sleep(15_000);
      }
      Files.writeString(EVIDENCE.resolve("check.txt"), check.text() + check.stderr());
      soft.assertThat(check.exitCode()).as("lab.sh check:\n" + check.text() + check.stderr()).isZero();

      // across the router: client1 to client2, one hop (TTL 63)
      String ping = exec(state.resolve("client1.qga"), "ping -c 3 -W 5 " + machine(lab, "client2").primaryNic().ip());
      Files.writeString(EVIDENCE.resolve("ping.txt"), ping);
      soft.assertThat(ping).as("client1 pings client2 through the router").containsPattern("ttl=63 ");

      // the management NIC, raised by the seed's bootcmd (it is not in the network-config): its
      // address, the lab's default route kept, and the host's SSH port forward reaching sshd
      String mgmt = exec(state.resolve("client1.qga"), "ip -4 -o address show dev mgmt0; ip route show default");
      Files.writeString(EVIDENCE.resolve("mgmt0.txt"), mgmt);
      soft.assertThat(mgmt).as("client1's mgmt0 and default route").contains("inet 10.0.2.15/24")
          .contains("default via " + machine(lab, "client1").primaryNic().gateway()).doesNotContain("via 10.0.2.2");
      int port = dev.labforge.targets.qemu.QemuWires.sshPorts(lab).get("client1");
      Command banner = Command.run(30, List.of("nsenter", "-t", Long.toString(ns), "--net", "--mount", "bash", "-c",
          "exec 3<>/dev/tcp/127.0.0.1/" + port + "; head -c 7 <&3"));
      soft.assertThat(banner.text()).as("sshd through 127.0.0.1:%d", port).isEqualTo("SSH-2.0");

      soft.assertThat(agent(state.resolve("router.qga"), "{\"execute\": \"guest-ping\"}").has("return"))
          .as("guest-ping").isTrue();

      Command snapshot = labSh(ns, env, qemu, 600, "snapshot", "s1");
      soft.assertThat(snapshot.exitCode()).as("snapshot s1:\n" + snapshot.stderr()).isZero();
      exec(state.resolve("client1.qga"), "echo after-s1 >/root/after-s1 && sync");
      soft.assertThat(exec(state.resolve("client1.qga"), "cat /root/after-s1")).isEqualTo("after-s1\n");
      Command restore = labSh(ns, env, qemu, 600, "restore", "s1");
      soft.assertThat(restore.exitCode()).as("restore s1:\n" + restore.stderr()).isZero();
      soft.assertThat(exec(state.resolve("client1.qga"), "test -e /root/after-s1 && echo present || echo gone"))
          .as("the file written after s1, after restore s1").isEqualTo("gone\n");

      for (Machine m : lab.machines()) {
        Files.copy(state.resolve(m.name() + ".console.log"), EVIDENCE.resolve(m.name() + "-console.log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Command down = labSh(ns, env, qemu, 120, "down");
      soft.assertThat(down.exitCode()).as("lab.sh down:\n" + down.stderr()).isZero();
      soft.assertThat(Command.run(30, "pgrep", "-u", Integer.toString(UID)).text()).as("processes of uid %d after down", UID)
          .isEmpty();
      soft.assertThat(Files.exists(state)).as("the state folder after down").isFalse();
      Command downAgain = labSh(ns, env, qemu, 60, "down");
      soft.assertThat(downAgain.exitCode()).as("a second down").isZero();

      System.out.printf("[boot] qemu router lab as uid %d: up %d s, cloud-init done %d s, total %d s%n", UID, upSeconds,
          bootSeconds, seconds(start));
      System.out.println(check.text());
      soft.assertAll();
    } finally {
      // whatever the test left: the user's processes, by PID, then the namespace's holder
      for (String pid : Command.run(30, "pgrep", "-u", Integer.toString(UID)).text().split("\\s+")) {
        if (!pid.isBlank()) {
          Command.run(30, "kill", "-KILL", pid);
        }
      }
      holder.descendants().forEach(ProcessHandle::destroyForcibly);
      holder.destroyForcibly();
      Command.run(60, "rm", "-rf", work.toString());
    }
  }

  static Machine machine(Lab lab, String name) {
    return lab.machines().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  /** lab.sh as the unprivileged user, in the namespace. */
  static Command labSh(long ns, Map<String, String> env, Path qemu, long timeout, String... args) {
    List<String> argv = new ArrayList<>(List.of("nsenter", "-t", Long.toString(ns), "--net", "--mount",
        "--wd=" + qemu, "setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--inh-caps=-all",
        "bash", "lab.sh"));
    argv.addAll(List.of(args));
    return Command.run(timeout, argv, env);
  }

  static long awaitChild(Process holder) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var child = holder.children().findFirst();
      if (child.isPresent()) {
        return child.get().pid();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("unshare started no child");
  }

  /** One guest agent command (after guest-sync); its reply. */
  static JsonNode agent(Path socket, String command) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      OutputStream out = Channels.newOutputStream(channel);
      BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      long token = System.nanoTime() & 0x3fffffff;
      out.write(("{\"execute\": \"guest-sync\", \"arguments\": {\"id\": " + token + "}}\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (JSON.readTree(in.readLine()).path("return").asLong() != token) {
        // an earlier client's leftovers
      }
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return JSON.readTree(in.readLine());
    }
  }

  /** A shell command in the guest through guest-exec; its stdout. */
  static String exec(Path socket, String shell) throws IOException, InterruptedException {
    JsonNode started = agent(socket, "{\"execute\": \"guest-exec\", \"arguments\": {\"path\": \"/bin/sh\", \"arg\": [\"-c\", "
        + JSON.writeValueAsString(shell) + "], \"capture-output\": true}}");
    long pid = started.path("return").path("pid").asLong(-1);
    if (pid < 0) {
      return "guest-exec failed: " + started;
    }
    for (int i = 0; i < 600; i++) {
      JsonNode st = agent(socket, "{\"execute\": \"guest-exec-status\", \"arguments\": {\"pid\": " + pid + "}}").path("return");
      if (st.path("exited").asBoolean()) {
        return new String(Base64.getDecoder().decode(st.path("out-data").asText("")), StandardCharsets.UTF_8);
      }
      Thread.sleep(200);
    }
    return "guest-exec did not finish";
  }

  static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000L;
  }
}
