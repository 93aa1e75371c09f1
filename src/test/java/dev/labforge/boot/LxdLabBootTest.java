package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.HostNames;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.User;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lxd target on a real LXD 5.0: a private LXD in its own network, mount and PID namespace
 * (scripts/lxd-ns.sh), the boot image as a container image (scripts/lxd-image.sh), then the
 * generated {@code lxd/lab.sh up} on a reduced copy of lpic3-352 (two networks, four machines,
 * nesting, a data volume). Every container is checked through {@code lxc exec} against the model
 * and the spec, never against itself; then {@code lab.sh down} must leave nothing of the lab.
 */
@Tag("boot")
class LxdLabBootTest {
  static final Path SPEC = Path.of("src/test/resources/specs/lxd-lab.yaml");
  static final Path EVIDENCE = Path.of("target/boot/lxd");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theGeneratedLabRunsOnARealLxd(@TempDir Path work) throws Exception {
    RealTools.require("lxd", "lxc", "unshare", "nsenter", "debootstrap", "qemu-img", "debugfs");
    long start = System.nanoTime();
    // @TempDir is 0700; LXD_DIR lies below it, and a container's root (a mapped, unprivileged
    // uid) must traverse it to reach its root file system, as with /var/lib/lxd (0711).
    Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    Lab lab = Specs.lab(SPEC);
    Path out = Specs.generate(SPEC, work.resolve("out"));
    Path labSh = out.resolve("lxd/lab.sh").toAbsolutePath();
    Path image = lxdImage(lab);
    long imageSeconds = (System.nanoTime() - start) / 1_000_000_000L;
    Files.createDirectories(EVIDENCE);
    StringBuilder evidence = new StringBuilder();

    String variable = "LABFORGE_LXD_IMAGE_" + lab.machines().get(0).image().replaceAll("[^A-Za-z0-9]", "_");
    Map<String, String> env = Map.of(variable, image.toAbsolutePath().toString());
    long upSeconds;
    long checkSeconds;
    long downSeconds;
    try (LxdNamespace lxd = LxdNamespace.start(work.resolve("lxd"))) {
      long t = System.nanoTime();
      Command up = lxd.run(1800, env, out.resolve("lxd"), "bash", labSh.toString(), "up", "--wait", "1200");
      Files.writeString(EVIDENCE.resolve("up.log"), up.text() + up.stderr());
      LabCheckProof.waited(up);
      upSeconds = (System.nanoTime() - t) / 1_000_000_000L;

      t = System.nanoTime();
      SoftAssertions soft = new SoftAssertions();
      for (Machine machine : lab.machines()) {
        String instance = instance(lab, machine);
        // --wait returns when every stage ran; status 0 only when it is done without errors.
        Command status = lxd.run(600, "lxc", "exec", instance, "--", "cloud-init", "status", "--wait", "--long");
        String text = status.text().strip();
        evidence.append("== ").append(machine.name()).append(" (").append(instance).append(")\n$ cloud-init status --long\n")
            .append(text).append('\n');
        soft.assertThat(status.exitCode()).as("%s: cloud-init status exit\n%s", machine.name(), text).isZero();
        soft.assertThat(text).as("%s status", machine.name()).contains("status: done").contains("DataSourceLXD");
        verify(soft, lxd, lab, machine, instance);
        routes(soft, lxd, machine, instance, evidence);
      }
      for (Machine machine : lab.machines()) {
        pings(soft, lxd, lab, machine, evidence);
      }
      checks(soft, lxd, env, out, labSh, lab, evidence);
      checkSeconds = (System.nanoTime() - t) / 1_000_000_000L;
      Files.writeString(EVIDENCE.resolve("containers.txt"), evidence.toString());
      System.out.print(evidence);
      soft.assertAll();

      t = System.nanoTime();
      Command down = lxd.run(600, env, out.resolve("lxd"), "bash", labSh.toString(), "down");
      Files.writeString(EVIDENCE.resolve("down.log"), down.text() + down.stderr());
      assertThat(down.exitCode()).as("lab.sh down:\n%s%s", down.text(), down.stderr()).isZero();
      downSeconds = (System.nanoTime() - t) / 1_000_000_000L;
      assertThat(lxd.ok(60, "lxc", "list", "--format", "csv", "-c", "n").text()).as("instances after down").isBlank();
      assertThat(lxd.ok(60, "lxc", "profile", "list", "--format", "csv").text().lines().map(l -> l.split(",")[0]))
          .as("profiles after down").containsExactly("default");
      assertThat(lxd.ok(60, "lxc", "network", "list", "--format", "csv").text().lines()
          .filter(l -> l.contains(",YES,")).toList()).as("managed networks after down").isEmpty();
      assertThat(lxd.ok(60, "lxc", "storage", "list", "--format", "csv").text()).as("storage pools (and their volumes) after down").isBlank();
      assertThat(lxd.ok(60, "lxc", "image", "list", "--format", "csv").text()).as("images after down").isBlank();
    }
    long total = (System.nanoTime() - start) / 1_000_000_000L;
    String timing = String.format("[lxd] image %d s, lab.sh up %d s, checks %d s, lab.sh down %d s, total with namespace %d s%n",
        imageSeconds, upSeconds, checkSeconds, downSeconds, total);
    Files.writeString(EVIDENCE.resolve("timing.txt"), timing);
    System.out.print(timing);
  }

  /**
   * Issue 25: {@code lab.sh check} passes on the lab as launched; then the default route of the first machine
   * is deleted in its container and its checks run again, and {@code lab.sh check} fails naming that machine
   * and {@code route default}.
   */
  private static void checks(SoftAssertions soft, LxdNamespace lxd, Map<String, String> env, Path out, Path labSh,
      Lab lab, StringBuilder evidence) throws Exception {
    Command check = lxd.run(300, env, out.resolve("lxd"), "bash", labSh.toString(), "check");
    LabCheckProof.passes(soft, check, lab);
    Machine broken = lab.machines().get(0);
    Command breakIt = lxd.run(300, "lxc", "exec", instance(lab, broken), "--", "sh", "-c",
        "ip route del default; /usr/local/sbin/labforge-check; true");
    Command after = LabCheckProof.checkUntilItFails(
        () -> lxd.run(300, env, out.resolve("lxd"), "bash", labSh.toString(), "check"));
    LabCheckProof.failsNaming(soft, after, broken.name(), "route default");
    evidence.append("$ lab.sh check (exit ").append(check.exitCode()).append(")\n").append(check.text()).append(check.stderr())
        .append("$ lxc exec ").append(instance(lab, broken)).append(" -- sh -c 'ip route del default; labforge-check'\n")
        .append(breakIt.text()).append(breakIt.stderr())
        .append("$ lab.sh check (exit ").append(after.exitCode()).append(")\n").append(after.text()).append(after.stderr());
  }

  /** The LXD image folder (meta.tar, rootfs.tar.gz) of the boot image with the lab image's packages. */
  private static Path lxdImage(Lab lab) {
    List<String> packages = lab.image(lab.machines().get(0).image()).packages();
    Command c = Command.run(1800, List.of("bash", "scripts/lxd-image.sh"),
        Map.of("LABFORGE_BOOT_EXTRA", String.join(",", packages)));
    if (c.exitCode() != 0) {
      throw new AssertionError("lxd-image.sh exited " + c.exitCode() + ":\n" + c.stderr());
    }
    String[] lines = c.text().strip().split("\n");
    return Path.of(lines[lines.length - 1]);
  }

  /** The instance name as the generated lab.sh has it (MACHINES and INSTANCES are parallel). */
  private static String instance(Lab lab, Machine machine) {
    return HostNames.machine(lab.name(), machine.name());
  }

  private static void verify(SoftAssertions soft, LxdNamespace lxd, Lab lab, Machine machine, String instance) {
    String name = machine.name();
    JsonNode result = json(lxd.exec(instance, "cat /run/cloud-init/result.json"));
    soft.assertThat(result.path("v1").path("datasource").asText()).as("%s result.json datasource", name)
        .isEqualTo("DataSourceLXD");
    soft.assertThat(result.path("v1").path("errors").toString()).as("%s result.json errors", name).isEqualTo("[]");
    soft.assertThat(lxd.exec(instance, "hostname").strip()).as("%s hostname", name).isEqualTo(name);
    soft.assertThat(lxd.exec(instance, "cat /etc/hostname").strip()).as("%s /etc/hostname", name).isEqualTo(name);

    for (User user : machine.users()) {
      String passwd = lxd.exec(instance, "getent passwd " + user.name() + " || true").strip();
      soft.assertThat(passwd).as("%s: user %s", name, user.name()).startsWith(user.name() + ":");
      if (passwd.isEmpty()) {
        continue;
      }
      String home = passwd.split(":")[5];
      if (!user.sshAuthorizedKeys().isEmpty()) {
        List<String> keys = lxd.exec(instance, "cat " + home + "/.ssh/authorized_keys").lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        soft.assertThat(keys).as("%s: %s's authorized_keys", name, user.name()).isEqualTo(user.sshAuthorizedKeys());
      }
      List<String> groups = List.of(lxd.exec(instance, "id -nG " + user.name()).strip().split(" "));
      soft.assertThat(groups).as("%s: groups of %s", name, user.name()).containsAll(user.groups());
      if (user.sudo()) {
        soft.assertThat(lxd.exec(instance, "cat /etc/sudoers.d/90-cloud-init-users"))
            .as("%s: sudo rule of %s", name, user.name()).contains(user.name() + " " + User.SUDO_RULE);
      }
    }

    for (GuestFile file : machine.files()) {
      // base64 keeps every byte of the file intact through lxc exec's output.
      String b64 = lxd.exec(instance, "base64 -w0 '" + file.path() + "'").strip();
      soft.assertThat(Base64.getDecoder().decode(b64)).as("%s: %s byte-exact", name, file.path())
          .isEqualTo(file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String mode = file.permissions() == null ? "644" : Integer.toOctalString(Integer.parseInt(file.permissions(), 8));
      String owner = file.owner() == null ? "root:root" : file.owner();
      soft.assertThat(lxd.exec(instance, "stat -c '%a %U:%G' '" + file.path() + "'").strip())
          .as("%s: %s mode and owner", name, file.path()).isEqualTo(mode + " " + owner);
    }

    String runcmd = lxd.exec(instance, "cat /var/lib/cloud/instance/scripts/runcmd");
    for (String command : machine.commands()) {
      soft.assertThat(runcmd).as("%s: runcmd has the command verbatim", name).contains(command);
    }
    soft.assertThat(lxd.exec(instance, "cat /var/log/labforge-probe.log")).as("%s: the commands ran", name)
        .isEqualTo("cloud-init ran on " + name + "\n");

    for (Nic nic : machine.nics()) {
      soft.assertThat(lxd.exec(instance, "cat /sys/class/net/" + nic.ifname() + "/address").strip())
          .as("%s: MAC of %s", name, nic.ifname()).isEqualTo(nic.mac());
      if (!nic.dhcp()) {
        soft.assertThat(lxd.exec(instance, "ip -o -4 addr show dev " + nic.ifname()))
            .as("%s: address of %s", name, nic.ifname()).contains(" " + nic.cidrAddress() + " ");
      }
    }
    for (var disk : machine.disks()) {
      String path = disk.mount() != null ? disk.mount() : "/mnt/" + disk.name();
      soft.assertThat(lxd.exec(instance, "awk '$2 == \"" + path + "\"' /proc/mounts")).as("%s: data volume at %s", name, path)
          .isNotBlank();
    }
    if (machine.nestedVirtualization()) {
      soft.assertThat(lxd.ok(60, "lxc", "config", "show", instance, "--expanded").text())
          .as("%s: nesting", name).contains("security.nesting: \"true\"");
    }
  }

  /**
   * The routes from inside the container: `ip -4 route show` has the default route and every static
   * route of the model, and so has cloud-init's own table (printed by its init-network stage before
   * any module runs, into cloud-init-output.log); the image has no net-tools.
   */
  private static void routes(SoftAssertions soft, LxdNamespace lxd, Machine machine, String instance,
      StringBuilder evidence) {
    String name = machine.name();
    String table = lxd.exec(instance, "ip -4 route show");
    for (Nic nic : machine.nics()) {
      if (nic.defaultRoute() && !nic.dhcp()) {
        soft.assertThat(table).as("%s: default route", name)
            .containsPattern("(?m)^default via " + Pattern.quote(nic.gateway().toString()) + " dev " + nic.ifname() + "\\b");
      }
      nic.routes().forEach(r -> soft.assertThat(table).as("%s: route %s", name, r)
          .containsPattern("(?m)^" + Pattern.quote(r.to().toString()) + " via " + Pattern.quote(r.via().toString()) + " dev " + nic.ifname() + "\\b"));
    }
    String output = lxd.exec(instance, "cat /var/log/cloud-init-output.log");
    soft.assertThat(CiInfoRoutes.of(output)).as("%s: cloud-init's route table", name).containsAll(CiInfoRoutes.expected(machine));
    String netTools = lxd.exec(instance, "command -v route || echo none").strip();
    soft.assertThat(netTools).as("%s: net-tools' route", name).isEqualTo("none");
    evidence.append("$ ip -4 route show\n").append(table).append("$ command -v route || echo none\n").append(netTools)
        .append("\n$ grep ci-info /var/log/cloud-init-output.log\n").append(CiInfoRoutes.lines(output));
  }

  /** Pings every other machine's static address on every network the two share. */
  private static void pings(SoftAssertions soft, LxdNamespace lxd, Lab lab, Machine from, StringBuilder evidence) {
    List<String> lines = new ArrayList<>();
    for (Nic mine : from.nics()) {
      for (Machine to : lab.machines()) {
        if (to == from) {
          continue;
        }
        for (Nic theirs : to.nics()) {
          if (!theirs.network().equals(mine.network()) || theirs.dhcp()) {
            continue;
          }
          Command ping = lxd.run(60, "lxc", "exec", instance(lab, from), "--", "ping", "-c", "1", "-W", "3",
              "-I", mine.ifname(), theirs.ip().toString());
          String summary = ping.text().lines().filter(l -> l.contains("packets transmitted")).findFirst().orElse(ping.stderr().strip());
          lines.add(String.format("%s -> %s %s (%s): %s", from.name(), to.name(), theirs.ip(), mine.network(), summary));
          soft.assertThat(ping.exitCode()).as("ping from %s to %s %s\n%s", from.name(), to.name(), theirs.ip(), ping.text())
              .isZero();
        }
      }
    }
    evidence.append("$ pings from ").append(from.name()).append('\n');
    lines.forEach(l -> evidence.append(l).append('\n'));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
