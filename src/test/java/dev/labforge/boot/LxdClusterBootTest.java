package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.model.HostNames;
import dev.labforge.model.Host;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lxd target on a real LXD cluster, formed by the generated files: three LXD daemons, each in its
 * own network, mount and PID namespace (scripts/lxd-ns.sh), are the spec's three hosts. The test
 * builds their underlay: a bridge in a fourth network namespace and one veth pair per member, named
 * {@code ul} in every member and given the host's address. Then the generated {@code lab.sh up --wait}
 * runs in the first member's namespaces: it bootstraps the cluster, joins the other two (the test's
 * LABFORGE_LXD_ON_MEMBER stands in for ssh: it runs the command against the member's own LXD, through
 * its socket), spans both networks over VXLAN, and launches five containers, four of them placed on
 * three members. {@code lab.sh check} must pass, pings between members included; {@code down} must
 * leave nothing of the lab, and stopping the daemons and the underlay nothing at all.
 */
@Tag("boot")
class LxdClusterBootTest {
  static final Path SPEC = Path.of("examples/lxd-cluster.yaml");
  static final Path EVIDENCE = Path.of("target/boot/lxd-cluster");
  static final String UNDERLAY = "ul";

  @Test
  void theGeneratedFilesFormAClusterThatRunsTheLab(@TempDir Path work) throws Exception {
    RealTools.require("lxd", "lxc", "unshare", "nsenter", "ip", "debootstrap", "qemu-img", "debugfs");
    long start = System.nanoTime();
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    Lab lab = Specs.lab(SPEC);
    assertThat(lab.hosts()).hasSize(3);
    Path out = Specs.generate(SPEC, work.resolve("out"));
    Path lxdDir = out.resolve("lxd");
    Path labSh = lxdDir.resolve("lab.sh").toAbsolutePath();
    Path image = LxdLabBootTest.lxdImage(lab);
    Files.createDirectories(EVIDENCE);

    Path onMember = work.resolve("on-member.sh");
    Files.writeString(onMember, """
        #!/bin/bash
        # The test's stand-in for ssh: the command runs against the member's own LXD, through its socket.
        host="$1"
        shift 2
        exec env LXD_DIR="%1$s/$host/lxd" LXD_CONF="%1$s/$host/conf" "$@"
        """.formatted(work.toAbsolutePath()));
    Files.setPosixFilePermissions(onMember, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of(
        "LABFORGE_LXD_IMAGE_debian_12", image.toAbsolutePath().toString(),
        "LABFORGE_LXD_ON_MEMBER", onMember.toAbsolutePath().toString(),
        "LABFORGE_LXD_UNDERLAY", UNDERLAY);

    Map<String, LxdNamespace> members = new LinkedHashMap<>();
    List<Long> holders = new ArrayList<>();
    Process underlay = new ProcessBuilder("unshare", "--net", "sleep", "3600").start();
    StringBuilder evidence = new StringBuilder();
    try {
      // Until unshare has made the namespace, the PID is still in ours: nothing may be made there.
      Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
      for (int i = 0; i < 100 && own.equals(Files.readSymbolicLink(Path.of("/proc/" + underlay.pid() + "/ns/net"))); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readSymbolicLink(Path.of("/proc/" + underlay.pid() + "/ns/net"))).as("underlay namespace").isNotEqualTo(own);
      underlay(underlay, "ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
      underlay(underlay, "ip", "link", "set", "br0", "up");
      for (Host host : lab.hosts()) {
        LxdNamespace lxd = LxdNamespace.start(work.resolve(host.name()));
        members.put(host.name(), lxd);
        long holder = Long.parseLong(Files.readString(lxd.dir().resolve("holder.pid")).strip());
        holders.add(holder);
        String outside = "u" + host.name();
        String inside = "m" + host.name();
        underlay(underlay, "ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        underlay(underlay, "ip", "link", "set", inside, "netns", Long.toString(holder));
        underlay(underlay, "ip", "link", "set", outside, "master", "br0", "up");
        lxd.ok(30, "ip", "link", "set", inside, "name", UNDERLAY);
        lxd.ok(30, "ip", "address", "add", host.address() + "/24", "dev", UNDERLAY);
        lxd.ok(30, "ip", "link", "set", UNDERLAY, "up");
      }
      LxdNamespace first = members.get(lab.hosts().get(0).name());

      long t = System.nanoTime();
      Command up = first.run(1800, env, lxdDir, "bash", labSh.toString(), "up", "--wait", "600");
      Files.writeString(EVIDENCE.resolve("up.log"), up.text() + up.stderr());
      long upSeconds = (System.nanoTime() - t) / 1_000_000_000L;
      evidence.append("$ lab.sh up --wait 600 (").append(upSeconds).append(" s)\n").append(up.text()).append(up.stderr());
      LabCheckProof.waited(up);

      String cluster = first.ok(60, "lxc", "cluster", "list", "--format", "csv").text();
      evidence.append("$ lxc cluster list --format csv\n").append(cluster);
      for (Host host : lab.hosts()) {
        assertThat(cluster).as("cluster members").containsPattern("(?m)^" + host.name() + ",https://" + Pattern.quote(host.address().toString()) + ":8443,.*ONLINE");
      }
      String placement = first.ok(60, "lxc", "list", "--format", "csv", "-c", "nL").text();
      evidence.append("$ lxc list -c nL\n").append(placement);
      SoftAssertions soft = new SoftAssertions();
      for (Machine m : lab.machines()) {
        if (m.host() != null) {
          soft.assertThat(placement).as("%s placed on %s", m.name(), m.host())
              .containsPattern("(?m)^" + Pattern.quote(HostNames.machine(lab.name(), m.name())) + "," + m.host() + "$");
        }
      }
      String networks = first.ok(60, "lxc", "network", "show", HostNames.clusterBridge(lab.name(), "front")).text();
      evidence.append("$ lxc network show (front)\n").append(networks);
      soft.assertThat(networks).as("front spans the members over VXLAN").contains("tunnel.v.protocol: vxlan")
          .contains("tunnel.v.interface: " + UNDERLAY);

      Command check = first.run(300, env, lxdDir, "bash", labSh.toString(), "check");
      Files.writeString(EVIDENCE.resolve("check.log"), check.text() + check.stderr());
      evidence.append("$ lab.sh check\n").append(check.text()).append(check.stderr());
      LabCheckProof.passes(soft, check, lab);
      // app runs on node-b, web-1 on node-a, db on node-c: these pings cross members.
      soft.assertThat(check.text()).as("pings across members")
          .containsPattern("(?m)^  pass +reach web-1 on front ")
          .containsPattern("(?m)^  pass +reach db on back ")
          .containsPattern("(?m)^  pass +reach app on back ");
      Command status = first.run(60, env, lxdDir, "bash", labSh.toString(), "status");
      evidence.append("$ lab.sh status\n").append(status.text());
      soft.assertAll();

      t = System.nanoTime();
      Command down = first.run(600, env, lxdDir, "bash", labSh.toString(), "down");
      Files.writeString(EVIDENCE.resolve("down.log"), down.text() + down.stderr());
      evidence.append("$ lab.sh down (").append((System.nanoTime() - t) / 1_000_000_000L).append(" s)\n")
          .append(down.stderr());
      assertThat(down.exitCode()).as("lab.sh down:\n%s%s", down.text(), down.stderr()).isZero();
      assertThat(first.ok(60, "lxc", "list", "--format", "csv", "-c", "n").text()).as("instances after down").isBlank();
      assertThat(first.ok(60, "lxc", "profile", "list", "--format", "csv").text().lines().map(l -> l.split(",")[0]))
          .as("profiles after down").containsExactly("default");
      assertThat(first.ok(60, "lxc", "network", "list", "--format", "csv").text().lines()
          .filter(l -> l.contains(",YES,")).toList()).as("managed networks after down").isEmpty();
      assertThat(first.ok(60, "lxc", "storage", "list", "--format", "csv").text()).as("storage pools after down").isBlank();
      assertThat(first.ok(60, "lxc", "image", "list", "--format", "csv").text()).as("images after down").isBlank();
    } finally {
      for (LxdNamespace lxd : members.values()) {
        lxd.close();
      }
      underlay.destroy();
      underlay.waitFor();
      Files.writeString(EVIDENCE.resolve("cluster.txt"), evidence.toString());
      System.out.print(evidence);
    }
    for (long holder : holders) {
      assertThat(Path.of("/proc/" + holder)).as("namespace holder %s after teardown", holder).doesNotExist();
    }
    assertThat(underlay.isAlive()).as("underlay namespace holder").isFalse();
    String timing = String.format("[lxd-cluster] total with namespaces %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
    Files.writeString(EVIDENCE.resolve("timing.txt"), timing);
    System.out.print(timing);
  }

  /** Runs {@code argv} in the underlay's network namespace, which {@code holder} keeps. */
  private static void underlay(Process holder, String... argv) {
    List<String> command = new ArrayList<>(List.of("nsenter", "--target", Long.toString(holder.pid()), "--net", "--"));
    command.addAll(List.of(argv));
    Command c = Command.run(30, command);
    assertThat(c.exitCode()).as("%s:\n%s", String.join(" ", command), c.stderr()).isZero();
  }
}
