package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: {@code packer build} (Debian's packer 1.6.6) of the lpic3-353 image's generated qemu
 * template, from the local guest image, with no route out of the guest.
 *
 * <p>The template's communicator is SSH. The harness gives QEMU a user-mode network with
 * {@code restrict=on} (the guest can reach nothing: no host, no outside, only the forwarded port
 * comes in) and forwards 127.0.0.1:{{ .SSHHostPort }} to the guest's port 22, so Packer's real
 * communicator and provisioners run with loopback traffic only. The guest cannot download, so the
 * image's packages are already in the guest image; {@code apt-get update} then only warns and
 * {@code apt-get install} finds them installed.
 */
@Tag("boot")
class PackerBuildTest {
  static final String IMAGE = "debian-12";
  static final Path EVIDENCE = BootTest.EVIDENCE;

  @Test
  void theGeneratedQemuTemplateBuildsOfflineAndRunsItsProvisioners(@TempDir Path work) throws Exception {
    RealTools.require("packer", "xorriso", "debootstrap", "mkfs.ext4", "qemu-img", "qemu-system-x86_64", "debugfs");
    Path out = Specs.generate(BootTest.SPEC, work.resolve("out"));
    Lab lab = Specs.lab(BootTest.SPEC);
    Image image = lab.image(IMAGE);
    PackerTemplate template = PackerTemplate.read(out.resolve("packer").resolve(IMAGE + ".pkr.hcl"));
    // qemuargs is how the harness takes the guest off the network (restrict=on) and boots the
    // guest image's kernel; without it the build could only run with QEMU's default, routed NIC.
    assertThat(template.variables()).as("variables of %s that the offline build must set; the qemu source needs"
            + " `qemuargs = var.qemuargs` with a list(list(string)) variable", template.file().getFileName())
        .contains("iso_url", "iso_checksum", "accelerator", "headless", "ssh_password", "qemuargs");
    // The plain image, then the Vagrant box (its own source, so only the box has Vagrant's key);
    // this test builds the plain one, VagrantBootTest the box.
    assertThat(template.qemuSources()).as("qemu sources").containsExactly(IMAGE, IMAGE + "-vagrant");
    GuestImage guest = GuestImage.get(image.packages());
    Path console = work.resolve("packer-console.log");

    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("iso_url", guest.disk().toUri().toString());
    vars.put("iso_checksum", "none");
    vars.put("accelerator", "tcg");
    vars.put("headless", true);
    vars.put("ssh_password", BootTest.passwords().get("lab"));
    vars.put("qemuargs", List.of(
        List.of("-netdev", "user,id=user.0,restrict=on,hostfwd=tcp:127.0.0.1:{{ .SSHHostPort }}-:22"),
        List.of("-device", "virtio-net,netdev=user.0"),
        // the guest image has no boot loader: QEMU loads its kernel
        List.of("-kernel", guest.kernel().toString()),
        List.of("-initrd", guest.initrd().toString()),
        List.of("-append", "root=/dev/vda rw console=ttyS0"),
        List.of("-serial", "file:" + console)));
    Path varFile = work.resolve("offline.pkrvars.json");
    new ObjectMapper().writeValue(varFile.toFile(), vars);

    // packer 1.6.6 names a source inside a named build "BUILD.TYPE.NAME" for -only.
    String only = (template.buildName().isEmpty() ? "" : template.buildName() + ".") + "qemu." + template.qemuSources().get(0);
    long start = System.nanoTime();
    Command build = Command.run(1500, List.of("packer", "build", "-color=false", "-only=" + only,
        "-var-file=" + varFile, template.writeFor166().toString()),
        Map.of("CHECKPOINT_DISABLE", "1", "PACKER_CACHE_DIR", work.resolve("packer_cache").toString()), work);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    Files.createDirectories(EVIDENCE);
    Files.writeString(EVIDENCE.resolve("packer-build.log"), build.text() + build.stderr());
    if (Files.exists(console)) {
      Files.copy(console, EVIDENCE.resolve("packer-console.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.printf("[boot] packer build %s: %d s (exit %d)%n", only, seconds, build.exitCode());

    assertThat(build.exitCode()).as("packer build exit code; output:\n%s%s", build.text(), build.stderr()).isZero();
    String log = build.text();
    assertThat(log).contains("Connected to SSH!").doesNotContain("errored");
    // Provisioner 1 waited for cloud-init: the seed's final message is on the console before power-off.
    String consoleText = Files.readString(console);
    Pattern seedFinished = FinalMessage.of(out.resolve("packer").resolve(IMAGE).resolve("seed").resolve("user-data"));
    java.util.regex.Matcher finished = seedFinished.matcher(consoleText);
    assertThat(finished.find()).as("build seed's cloud-init finished").isTrue();
    System.out.printf("  %s%n", consoleText.substring(consoleText.lastIndexOf('\n', finished.start()) + 1, finished.end()));
    assertThat(consoleText.indexOf("reboot: Power down")).as("clean power-off after cloud-init finished")
        .isGreaterThan(finished.end());
    // ... then installed the image's packages: offline, so apt finds them in the guest image.
    for (String p : image.packages()) {
      assertThat(log).contains(p + " is already the newest version");
    }

    Path artifact;
    try (Stream<Path> files = Files.walk(work.resolve("output"))) {
      artifact = files.filter(p -> p.getFileName().toString().equals(IMAGE + ".qcow2")).findFirst()
          .orElseThrow(() -> new AssertionError("no " + IMAGE + ".qcow2 under " + work.resolve("output")));
    }
    assertThat(Command.ok(60, "qemu-img", "info", artifact.toString()).text()).contains("file format: qcow2");
    GuestDisk disk = GuestDisk.of(artifact);
    // The image's commands ran after the install: `apt-get clean` removed the package cache
    // that the install had just rebuilt (the guest image ships without pkgcache.bin).
    assertThat(image.commands()).containsExactly("apt-get clean");
    assertThat(disk.stat("/var/cache/apt/pkgcache.bin")).as("apt-get clean ran last").isEmpty();
    // The last provisioner, `cloud-init clean --logs`, left the image ready for its own first boot.
    assertThat(disk.stat("/var/lib/cloud/instance")).as("cloud-init clean ran").isEmpty();
    assertThat(disk.stat("/var/log/cloud-init.log")).as("cloud-init clean --logs ran").isEmpty();
    assertThat(GuestAccounts.read(disk).user("lab")).as("the build user from the seed").isPresent();
  }
}
