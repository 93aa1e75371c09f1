package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lxc target on classic LXC 5.0: a private network, mount and PID namespace
 * (scripts/lxc-ns.sh: a fresh sysfs, /run on tmpfs, /var/lib/lxc on the test's folder), the boot
 * image's root file system as a tarball (scripts/lxd-image.sh makes it), then the generated
 * {@code lxc/lab.sh up --wait} on the LXD proof's spec (four containers on two networks, nesting, a
 * data folder). Each container is checked against the model through {@code lxc-attach}: cloud-init
 * done from the NoCloud seed mounted read-only, host name, MACs and addresses, the cgroup limits;
 * then pings on every shared network, {@code lab.sh check} (the in-guest checks), a broken route
 * that check must name, and {@code lab.sh down}, which must leave no container, bridge or veth.
 */
@Tag("boot")
class LxcLabBootTest {
  static final Path SPEC = Path.of("src/test/resources/specs/lxd-lab.yaml");
  static final Path SCRIPT = Path.of("scripts/lxc-ns.sh");
  static final Path EVIDENCE = Path.of("target/boot/lxc");
  static final String LXC_PATH = "/var/lib/lxc";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theGeneratedLabRunsOnClassicLxc(@TempDir Path work) throws Exception {
    RealTools.require("lxc-create", "lxc-start", "lxc-attach", "unshare", "nsenter", "debootstrap", "qemu-img", "debugfs");
    long start = System.nanoTime();
    Lab lab = Specs.lab(SPEC);
    Path out = Specs.generate(SPEC, work.resolve("out")).toAbsolutePath();
    Path labSh = out.resolve("lxc/lab.sh");
    Path rootfs = rootfsTarball(lab);
    String variable = "LABFORGE_LXC_IMAGE_" + lab.machines().get(0).image().replaceAll("[^A-Za-z0-9]", "_");
    Files.createDirectories(EVIDENCE);
    StringBuilder evidence = new StringBuilder();
    Path ns = work.resolve("ns").toAbsolutePath();
    Command started = Command.run(60, List.of("bash", SCRIPT.toString(), "start", ns.toString()));
    assertThat(started.exitCode()).as("lxc-ns.sh start:\n%s", started.stderr()).isZero();
    try {
      long t = System.nanoTime();
      Command up = in(ns, 1800, out.resolve("lxc"), "env", variable + "=" + rootfs, "bash", labSh.toString(), "up",
          "--wait", "900");
      Files.writeString(EVIDENCE.resolve("up.log"), up.text() + up.stderr());
      LabCheckProof.waited(up);
      long upSeconds = (System.nanoTime() - t) / 1_000_000_000L;

      SoftAssertions soft = new SoftAssertions();
      for (Machine m : lab.machines()) {
        verify(soft, ns, lab, m, evidence);
      }
      for (Machine m : lab.machines()) {
        pings(soft, ns, lab, m, evidence);
      }
      Command check = in(ns, 300, out.resolve("lxc"), "bash", labSh.toString(), "check");
      LabCheckProof.passes(soft, check, lab);
      evidence.append("$ lab.sh check (exit ").append(check.exitCode()).append(")\n").append(check.text()).append(check.stderr());
      Machine broken = lab.machines().get(0);
      Command breakIt = attach(ns, lab, broken, "ip route del default; /usr/local/sbin/labforge-check; true");
      Command after = LabCheckProof.checkUntilItFails(() -> in(ns, 300, out.resolve("lxc"), "bash", labSh.toString(), "check"));
      LabCheckProof.failsNaming(soft, after, broken.name(), "route default");
      evidence.append("$ lxc-attach ").append(container(lab, broken)).append(" -- sh -c 'ip route del default; labforge-check'\n")
          .append(breakIt.text()).append("$ lab.sh check (exit ").append(after.exitCode()).append(")\n")
          .append(after.text()).append(after.stderr());

      t = System.nanoTime();
      Command down = in(ns, 600, out.resolve("lxc"), "bash", labSh.toString(), "down");
      Files.writeString(EVIDENCE.resolve("down.log"), down.text() + down.stderr());
      soft.assertThat(down.exitCode()).as("lab.sh down:\n%s%s", down.text(), down.stderr()).isZero();
      long downSeconds = (System.nanoTime() - t) / 1_000_000_000L;
      String containers = in(ns, 60, Path.of("."), "lxc-ls", "-P", LXC_PATH).text();
      String links = in(ns, 60, Path.of("."), "ip", "-o", "link", "show").text();
      String left = in(ns, 60, Path.of("."), "sh", "-c", "ls -A " + LXC_PATH + " /run/labforge-lxc").text();
      evidence.append("$ after down: lxc-ls\n").append(containers).append("$ ip -o link show\n").append(links)
          .append("$ ls -A /var/lib/lxc /run/labforge-lxc\n").append(left);
      soft.assertThat(containers).as("containers after down").isBlank();
      soft.assertThat(links.lines().map(l -> l.split(": ")[1]).toList()).as("links after down (no bridge, no veth)")
          .containsExactly("lo");
      soft.assertThat(left).as("container folders and lab.sh's state after down")
          .isEqualTo("/run/labforge-lxc:\n\n/var/lib/lxc:\n");
      String timing = String.format("[lxc] lab.sh up --wait %d s, lab.sh down %d s, total %d s%n", upSeconds, downSeconds,
          (System.nanoTime() - start) / 1_000_000_000L);
      evidence.append(timing);
      Files.writeString(EVIDENCE.resolve("containers.txt"), evidence.toString());
      System.out.print(evidence);
      soft.assertAll();
    } finally {
      Command stopped = Command.run(120, List.of("bash", SCRIPT.toString(), "stop", ns.toString()));
      if (!stopped.stderr().isBlank()) {
        System.out.print("[lxc-ns] " + stopped.stderr());
      }
    }
  }

  private static void verify(SoftAssertions soft, Path ns, Lab lab, Machine m, StringBuilder evidence) throws Exception {
    String name = m.name();
    Command status = attach(ns, lab, m, "cloud-init status --wait --long");
    evidence.append("== ").append(name).append(" (").append(container(lab, m)).append(")\n$ cloud-init status --long\n")
        .append(status.text().strip()).append('\n');
    soft.assertThat(status.exitCode()).as("%s: cloud-init status exit\n%s", name, status.text()).isZero();
    soft.assertThat(status.text()).as("%s status", name).contains("status: done").contains("DataSourceNoCloud");
    JsonNode result = JSON.readTree(attach(ns, lab, m, "cat /run/cloud-init/result.json").text());
    soft.assertThat(result.path("v1").path("datasource").asText()).as("%s datasource", name)
        .startsWith("DataSourceNoCloud").contains("/var/lib/cloud/seed/nocloud");
    soft.assertThat(result.path("v1").path("errors").toString()).as("%s result.json errors", name).isEqualTo("[]");
    String seed = attach(ns, lab, m, "findmnt -n -o OPTIONS /var/lib/cloud/seed/nocloud").text();
    evidence.append("$ findmnt -o OPTIONS /var/lib/cloud/seed/nocloud\n").append(seed);
    soft.assertThat(seed).as("%s: the seed is mounted read-only", name).startsWith("ro,");
    soft.assertThat(attach(ns, lab, m, "hostname").text().strip()).as("%s hostname", name).isEqualTo(m.hostname());
    for (Nic nic : m.nics()) {
      soft.assertThat(attach(ns, lab, m, "cat /sys/class/net/" + nic.ifname() + "/address").text().strip())
          .as("%s: MAC of %s", name, nic.ifname()).isEqualTo(nic.mac());
      if (!nic.dhcp()) {
        soft.assertThat(attach(ns, lab, m, "ip -o -4 addr show dev " + nic.ifname()).text())
            .as("%s: address of %s", name, nic.ifname()).contains(" " + nic.ip() + "/" + nic.prefix() + " ");
      }
    }
    // The host's hierarchy decides which keys LXC applied: cgroup v2's, or v1's where the controllers are there.
    String c = container(lab, m);
    Command v2 = in(ns, 60, Path.of("."), "lxc-cgroup", "-P", LXC_PATH, "-n", c, "memory.max");
    String memory = v2.exitCode() == 0 ? v2.text().strip()
        : in(ns, 60, Path.of("."), "lxc-cgroup", "-P", LXC_PATH, "-n", c, "memory.limit_in_bytes").text().strip();
    String cpu = v2.exitCode() == 0 ? in(ns, 60, Path.of("."), "lxc-cgroup", "-P", LXC_PATH, "-n", c, "cpu.max").text().strip()
        : in(ns, 60, Path.of("."), "lxc-cgroup", "-P", LXC_PATH, "-n", c, "cpu.cfs_quota_us").text().strip() + " "
            + in(ns, 60, Path.of("."), "lxc-cgroup", "-P", LXC_PATH, "-n", c, "cpu.cfs_period_us").text().strip();
    evidence.append("$ lxc-cgroup (cgroup ").append(v2.exitCode() == 0 ? "v2" : "v1").append(") memory, cpu quota and period\n")
        .append(memory).append('\n').append(cpu).append('\n');
    soft.assertThat(memory).as("%s memory limit", name).isEqualTo(Long.toString(m.memoryMib() * 1024 * 1024));
    soft.assertThat(cpu).as("%s cpu quota and period", name).isEqualTo(m.cpus() * 100000 + " 100000");
  }

  /** Pings every other machine's static address on every network the two share. */
  private static void pings(SoftAssertions soft, Path ns, Lab lab, Machine from, StringBuilder evidence) {
    List<String> lines = new ArrayList<>();
    for (Nic mine : from.nics()) {
      for (Machine to : lab.machines()) {
        for (Nic theirs : to.nics()) {
          if (to == from || !theirs.network().equals(mine.network()) || theirs.dhcp()) {
            continue;
          }
          Command ping = attach(ns, lab, from, "ping -c 1 -W 3 -I " + mine.ifname() + " " + theirs.ip());
          String summary = ping.text().lines().filter(l -> l.contains("packets transmitted")).findFirst().orElse(ping.stderr().strip());
          lines.add(String.format("%s -> %s %s (%s): %s", from.name(), to.name(), theirs.ip(), mine.network(), summary));
          soft.assertThat(ping.exitCode()).as("ping from %s to %s %s\n%s", from.name(), to.name(), theirs.ip(), ping.text()).isZero();
        }
      }
    }
    evidence.append("$ pings from ").append(from.name()).append('\n');
    lines.forEach(l -> evidence.append(l).append('\n'));
  }

  private static Command attach(Path ns, Lab lab, Machine m, String script) {
    return in(ns, 600, Path.of("."), "lxc-attach", "-P", LXC_PATH, "-n", container(lab, m), "--", "sh", "-c", script);
  }

  private static Command in(Path ns, long timeoutSeconds, Path workDir, String... argv) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString(), "run", ns.toString()));
    command.addAll(List.of(argv));
    return Command.run(timeoutSeconds, command, Map.of(), workDir);
  }

  private static String container(Lab lab, Machine m) {
    return HostNames.machine(lab.name(), m.name());
  }

  /** The boot image's root file system as a tarball (scripts/lxd-image.sh, cached beside the boot image). */
  private static Path rootfsTarball(Lab lab) {
    List<String> packages = lab.image(lab.machines().get(0).image()).packages();
    Command c = Command.run(1800, List.of("bash", "scripts/lxd-image.sh"),
        Map.of("LABFORGE_BOOT_EXTRA", String.join(",", packages)));
    if (c.exitCode() != 0) {
      throw new AssertionError("lxd-image.sh exited " + c.exitCode() + ":\n" + c.stderr());
    }
    String[] lines = c.text().strip().split("\n");
    return Path.of(lines[lines.length - 1]).resolve("rootfs.tar.gz").toAbsolutePath();
  }
}
