package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker target on a real Docker Engine 20.10 with docker-compose 1.29: a private dockerd in its
 * own network, mount and PID namespace (scripts/docker-ns.sh), the shared boot image's root file
 * system imported as the base (scripts/lxd-image.sh extracts it; {@code docker import}), the image
 * built from the generated Dockerfile by {@code lab.sh up}, and the router example (three machines,
 * three networks, a router between lan1 and lan2; client1 given a data disk here) up. Cloud-init must finish in every container
 * from the mounted seed, the in-guest checks pass ({@code lab.sh check}: pings across the router),
 * a route deleted on purpose makes it fail, and {@code lab.sh down} leaves no container, network or
 * volume of the lab.
 */
@Tag("boot")
class DockerLabBootTest {
  static final Path SPEC = Path.of("examples/router.yaml");
  static final Path EVIDENCE = Path.of("target/boot/docker");
  static final String BASE = "labforge-base/debian-12";

  @Test
  void theGeneratedLabRunsOnARealDocker(@TempDir Path work) throws Exception {
    RealTools.require("dockerd", "docker-compose", "unshare", "nsenter", "qemu-img", "debugfs");
    long start = System.nanoTime();
    Path spec = withDisk(work);
    Lab lab = Specs.lab(spec);
    Path out = Specs.generate(spec, work.resolve("out"));
    Path docker = out.resolve("docker").toAbsolutePath();
    Path labSh = docker.resolve("lab.sh");
    Path rootfs = LxdLabBootTest.lxdImage(lab).resolve("rootfs.tar.gz");
    Files.createDirectories(EVIDENCE);
    StringBuilder evidence = new StringBuilder();
    String variable = "LABFORGE_DOCKER_BASE_" + lab.machines().get(0).image().replaceAll("[^A-Za-z0-9]", "_");
    Map<String, String> env = Map.of(variable, BASE);
    long upSeconds;
    try (DockerNamespace ns = DockerNamespace.start(work.resolve("docker-ns"))) {
      ns.ok(600, "docker", "import", rootfs.toString(), BASE);
      long t = System.nanoTime();
      Command up = ns.run(1800, env, docker, "bash", labSh.toString(), "up", "--wait", "600");
      Files.writeString(EVIDENCE.resolve("up.log"), up.text() + up.stderr());
      LabCheckProof.waited(up);
      upSeconds = (System.nanoTime() - t) / 1_000_000_000L;

      SoftAssertions soft = new SoftAssertions();
      for (Machine machine : lab.machines()) {
        String container = HostNames.machine(lab.name(), machine.name());
        Command status = ns.run(300, "docker", "exec", container, "cloud-init", "status", "--wait", "--long");
        String text = status.text().strip();
        evidence.append("== ").append(machine.name()).append(" (").append(container).append(")\n$ cloud-init status --long\n")
            .append(text).append('\n');
        soft.assertThat(status.exitCode()).as("%s: cloud-init status exit\n%s", machine.name(), text).isZero();
        soft.assertThat(text).as("%s status", machine.name()).contains("status: done")
            .contains("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]");
        String links = ns.exec(container, "ip -br -4 addr show; ip -br link show");
        evidence.append("$ ip -br -4 addr; ip -br link\n").append(links);
        for (Nic nic : machine.nics()) {
          soft.assertThat(links).as("%s has %s", machine.name(), nic.cidrAddress()).contains(nic.cidrAddress());
        }
        for (var disk : machine.disks()) {
          String mounted = ns.exec(container, "findmnt -n -o TARGET " + disk.mount()).strip();
          soft.assertThat(mounted).as("%s: volume %s at %s", machine.name(), disk.name(), disk.mount()).isEqualTo(disk.mount());
        }
        // Engine 20.10 pins the first NIC's MAC only.
        soft.assertThat(links).as("%s first MAC", machine.name()).contains(machine.nics().get(0).mac());
      }
      Command check = ns.run(600, env, docker, "bash", labSh.toString(), "check");
      evidence.append("$ lab.sh check (exit ").append(check.exitCode()).append(")\n").append(check.text()).append(check.stderr());
      LabCheckProof.passes(soft, check, lab);
      soft.assertThat(check.text()).as("the data disk's check").containsPattern("(?m)^  pass +disk data ");
      soft.assertThat(check.text()).as("a later NIC's MAC is skipped, with the reason")
          .containsPattern("(?m)^  skip +nic eth1 mac +Docker Engine before 25");

      Machine broken = lab.machines().stream().filter(m -> m.name().equals("client1")).findFirst().orElseThrow();
      String container = HostNames.machine(lab.name(), broken.name());
      ns.run(300, "docker", "exec", container, "sh", "-c", "ip route del default; /usr/local/sbin/labforge-check; true");
      Command after = ns.run(600, env, docker, "bash", labSh.toString(), "check");
      evidence.append("$ docker exec ").append(container).append(" sh -c 'ip route del default; labforge-check'\n")
          .append("$ lab.sh check (exit ").append(after.exitCode()).append(")\n").append(after.text()).append(after.stderr());
      LabCheckProof.failsNaming(soft, after, broken.name(), "route default");
      Files.writeString(EVIDENCE.resolve("containers.txt"), evidence.toString());
      System.out.print(evidence);

      Command down = ns.run(600, env, docker, "bash", labSh.toString(), "down");
      Files.writeString(EVIDENCE.resolve("down.log"), down.text() + down.stderr());
      soft.assertThat(down.exitCode()).as("lab.sh down:\n%s%s", down.text(), down.stderr()).isZero();
      soft.assertThat(ns.ok(60, "docker", "ps", "-aq").text()).as("containers after down").isBlank();
      soft.assertThat(ns.ok(60, "docker", "volume", "ls", "-q").text()).as("volumes after down (client1's data)").isBlank();
      soft.assertThat(ns.ok(60, "docker", "network", "ls", "--format", "{{.Name}}").text().lines().sorted().toList())
          .as("networks after down: Docker's own only").containsExactly("bridge", "host", "none");
      soft.assertAll();
    }
    long total = (System.nanoTime() - start) / 1_000_000_000L;
    String timing = String.format("[docker] lab.sh up --wait (image build, three containers, every report) %d s, total with namespace %d s%n",
        upSeconds, total);
    Files.writeString(EVIDENCE.resolve("timing.txt"), timing);
    System.out.print(timing);
  }

  /** router.yaml with a data disk on client1 (a named volume under Docker), as JSON in {@code work}. */
  private static Path withDisk(Path work) throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(SPEC.toFile());
    for (var m : tree.withArray("machines")) {
      if (m.path("name").asText().equals("client1")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) m).putArray("disks").addObject()
            .put("name", "data").put("size", "1GiB").put("mount", "/srv/data").put("fs", "ext4");
      }
    }
    Path file = Files.createDirectories(work.resolve("spec")).resolve("router.json");
    Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree));
    return file;
  }
}
