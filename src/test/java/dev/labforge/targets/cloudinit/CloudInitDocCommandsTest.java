package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import dev.labforge.model.Disk;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.testing.Kvm;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The copy-and-paste commands in docs/targets/cloud-init.md: their values are the model's (MAC,
 * CPUs, memory, disk sizes, seed path), the qemu-img lines run as written, QEMU accepts the whole
 * command line (started paused, in a network namespace of its own; where KVM is broken, with the
 * doc's own advice for that: {@code -accel tcg} alone), and virt-install turns its
 * command into a domain with both disks, the seed CD and the MAC.
 */
class CloudInitDocCommandsTest {
  static final Path DOC = Path.of("docs/targets/cloud-init.md");
  static final String ACCEL = "-accel kvm -accel tcg";
  static final String BROKEN_KVM_ADVICE = "write `-accel tcg` alone";

  @TempDir
  Path tmp;

  @Test
  void theDocsCommandsCarryTheModelsValues() throws Exception {
    Lab lab = Specs.lab(Path.of("examples/lpic3-353.yaml"));
    Machine cloud = machine(lab, "cloud");
    String qemu = block("### Boot one machine with QEMU");
    String virtInstall = block("### The same machine with virt-install");
    Disk data = cloud.disks().get(0);
    assertThat(qemu).contains("cloud.qcow2 " + cloud.diskMib() / 1024 + "G\n",
        "cloud-data.qcow2 " + data.sizeGib() + "G\n",
        "-smp " + cloud.cpus() + " -m " + cloud.memoryMib() + " ",
        "mac=" + cloud.nics().get(0).mac().toLowerCase(java.util.Locale.ROOT) + " ",
        "file=out/lpic3-353/cloud-init/cloud/nocloud.iso,");
    assertThat(virtInstall).contains("--memory " + cloud.memoryMib() + " --vcpus " + cloud.cpus() + " ",
        "mac=" + cloud.nics().get(0).mac().toLowerCase(java.util.Locale.ROOT) + ",",
        "out/lpic3-353/cloud-init/cloud/nocloud.iso ");
    String text = Files.readString(DOC);
    for (String other : List.of("cloudinit", "packer")) {
      assertThat(text).contains("`" + machine(lab, other).nics().get(0).mac().toLowerCase(java.util.Locale.ROOT)
          + "` for `" + other + "`");
    }
  }

  @Test
  void qemuAcceptsTheCommandAndVirtInstallBuildsTheDomain() throws Exception {
    RealTools.require("qemu-img", "qemu-system-x86_64", "virt-install", "unshare", "ip");
    assertThat(Cli.run("gen", "-q", "examples/lpic3-353.yaml", "-o", tmp.resolve("out").toString()).code()).isZero();
    String qemu = block("### Boot one machine with QEMU");
    // Stand-in for the downloaded cloud image: only its name matters to the overlay.
    run(List.of("qemu-img", "create", "-q", "-f", "qcow2", "debian-12-genericcloud-amd64.qcow2", "1G"));
    List<String> commands = commands(qemu);
    for (String c : commands) {
      if (c.startsWith("qemu-img ")) {
        run(List.of("sh", "-ec", c));
      }
    }
    assertThat(tmp.resolve("cloud.qcow2")).isRegularFile();
    assertThat(tmp.resolve("cloud-data.qcow2")).isRegularFile();

    // The command as written, paused (-S) and headless instead of -nographic, in its own network
    // namespace: the multicast socket joins a group there, not on the host.
    String start = commands.stream().filter(c -> c.startsWith("qemu-system-x86_64 ")).findFirst().orElseThrow();
    assertThat(start).endsWith(" -nographic").contains(" " + ACCEL + " ");
    if (Kvm.broken().isPresent()) {
      // KVM opens but aborts here: run the command as the doc says to for such a machine
      assertThat(Files.readString(DOC)).contains(BROKEN_KVM_ADVICE);
      start = start.replace(" " + ACCEL + " ", " -accel tcg ");
    }
    String paused = start.substring(0, start.length() - " -nographic".length())
        + " -display none -S -monitor none -serial none";
    Process q = new ProcessBuilder("unshare", "--net", "sh", "-c",
        "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && exec " + paused)
        .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("qemu.log").toFile()).start();
    try {
      boolean exited = q.waitFor(5, TimeUnit.SECONDS);
      assertThat(exited).as("QEMU still runs 5 s after start: %s", Files.readString(tmp.resolve("qemu.log"))).isFalse();
    } finally {
      q.destroy();
      q.waitFor(30, TimeUnit.SECONDS);
    }

    String install = block("### The same machine with virt-install");
    Path images = Files.createDirectories(tmp.resolve("images"));
    String line = commands(install).stream().filter(c -> c.startsWith("virt-install ")).findFirst().orElseThrow();
    for (String c : commands(install)) {
      if (c.startsWith("sudo cp ")) {
        run(List.of("sh", "-ec", c.substring("sudo ".length()).replace("/var/lib/libvirt/images/", images + "/")));
      }
    }
    String dryRun = line.replace("--connect qemu:///system", "--connect test:///default --print-xml --dry-run")
        .replace("/var/lib/libvirt/images/", images + "/");
    String xml = run(List.of("sh", "-ec", dryRun));
    Document domain = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList disks = domain.getElementsByTagName("disk");
    assertThat(disks.getLength()).isEqualTo(3);
    assertThat(source(disks, 0)).isEqualTo(images.resolve("cloud.qcow2").toString());
    assertThat(source(disks, 1)).isEqualTo(images.resolve("cloud-data.qcow2").toString());
    assertThat(((Element) disks.item(2)).getAttribute("device")).isEqualTo("cdrom");
    assertThat(source(disks, 2)).isEqualTo(images.resolve("cloud-nocloud.iso").toString());
    assertThat(images.resolve("cloud-nocloud.iso"))
        .hasSameBinaryContentAs(tmp.resolve("out/lpic3-353/cloud-init/cloud/nocloud.iso"));
    Element mac = (Element) domain.getElementsByTagName("mac").item(0);
    Machine cloud = machine(Specs.lab(Path.of("examples/lpic3-353.yaml")), "cloud");
    assertThat(mac.getAttribute("address")).isEqualToIgnoringCase(cloud.nics().get(0).mac());
    assertThat(domain.getElementsByTagName("memory").item(0).getTextContent())
        .isEqualTo(Long.toString(cloud.memoryMib() * 1024));
    assertThat(domain.getElementsByTagName("vcpu").item(0).getTextContent()).isEqualTo(Integer.toString(cloud.cpus()));
  }

  private static String source(NodeList disks, int i) {
    return ((Element) ((Element) disks.item(i)).getElementsByTagName("source").item(0)).getAttribute("file");
  }

  /** The first ```sh block after {@code heading}. */
  private static String block(String heading) throws Exception {
    String text = Files.readString(DOC);
    int at = text.indexOf(heading);
    assertThat(at).as(heading).isNotNegative();
    int start = text.indexOf("```sh\n", at) + "```sh\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  /** The block's commands: continuation lines joined, comments dropped. */
  private static List<String> commands(String block) {
    return List.of(block.replace("\\\n", " ").split("\n")).stream()
        .map(l -> l.replaceAll(" +", " ").strip())
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", command, err).isZero();
    return out;
  }

  private static Machine machine(Lab lab, String name) {
    return lab.machines().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
