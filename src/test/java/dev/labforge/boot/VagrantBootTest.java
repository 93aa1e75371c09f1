package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.User;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, the Vagrant box workflow for real: {@code packer build} of the generated template's box
 * source, {@code vagrant box add} under the spec's {@code vagrant_box}, {@code vagrant up
 * --provider=libvirt} with the generated, unedited Vagrantfile inside a private libvirt namespace
 * (scripts/libvirt-ns.sh), proofs from inside both guests over {@code vagrant ssh}, then
 * {@code vagrant destroy -f} and nothing left behind.
 *
 * <p>What the harness adds, and why: the shared guest image has no boot loader, so a user-level
 * Vagrantfile ({@code $VAGRANT_HOME/Vagrantfile}, which Vagrant merges under the project's) gives
 * vagrant-libvirt the image's kernel, initrd and command line ({@code net.ifnames=0}, which GRUB
 * would carry on a real image), plus no graphics and a long boot timeout for TCG on shared cores.
 * {@code LABFORGE_LIBVIRT_DRIVER=qemu} is the generated Vagrantfile's own switch to TCG.
 */
@Tag("boot")
@Disabled("issue 14: not yet run to the end; enabled when it passes")
class VagrantBootTest {
  static final Path SPEC = Path.of("src/test/resources/specs/vagrant-boot.yaml");
  static final String IMAGE = "debian-12";
  static final Path EVIDENCE = BootTest.EVIDENCE.resolve("vagrant");
  static final Path GEMS = Path.of("/usr/share/rubygems-integration/all/gems");

  @Test
  void packerBoxThenVagrantUpProvesEveryStepInBothGuestsAndDestroyLeavesNothing(@TempDir Path work)
      throws Exception {
    RealTools.require("packer", "vagrant", "virsh", "libvirtd", "virtlogd", "unshare", "nsenter", "xorriso",
        "debootstrap", "mkfs.ext4", "qemu-img", "qemu-system-x86_64", "dnsmasq");
    if (!Files.isDirectory(GEMS.resolve("vagrant-libvirt-0.11.2"))) {
      RealTools.require("vagrant-libvirt (Debian package)");
    }
    Files.createDirectories(EVIDENCE);
    // libvirt's QEMU runs as libvirt-qemu: the kernel and the box's pool upload must be reachable.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, Long> seconds = new LinkedHashMap<>();
    Path out = Specs.generate(SPEC, work.resolve("out"));
    Lab lab = Specs.lab(SPEC);
    Image image = lab.image(IMAGE);
    long t = System.nanoTime();
    GuestImage guest = GuestImage.get(image.packages());
    seconds.put("guest image (boot-image.sh)", elapsed(t));

    // 1. packer build of the box source, offline, as PackerBuildTest builds the plain one.
    PackerTemplate template = PackerTemplate.read(out.resolve("packer").resolve(IMAGE + ".pkr.hcl"));
    String boxSource = IMAGE + "-vagrant";
    assertThat(template.qemuSources()).contains(boxSource);
    Path console = work.resolve("packer-console.log");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("iso_url", guest.disk().toUri().toString());
    vars.put("iso_checksum", "none");
    vars.put("accelerator", "tcg");
    vars.put("headless", true);
    vars.put("ssh_password", "change-me");
    vars.put("output_directory", work.resolve("output").toString());
    vars.put("qemuargs", List.of(
        List.of("-netdev", "user,id=user.0,restrict=on,hostfwd=tcp:127.0.0.1:{{ .SSHHostPort }}-:22"),
        List.of("-device", "virtio-net,netdev=user.0"),
        List.of("-kernel", guest.kernel().toString()),
        List.of("-initrd", guest.initrd().toString()),
        List.of("-append", "root=/dev/vda rw console=ttyS0"),
        List.of("-serial", "file:" + console)));
    Path varFile = work.resolve("offline.pkrvars.json");
    new ObjectMapper().writeValue(varFile.toFile(), vars);
    t = System.nanoTime();
    Command build = Command.run(2400, List.of("packer", "build", "-color=false",
        "-only=" + template.buildName() + ".qemu." + boxSource, "-var-file=" + varFile, template.writeFor166().toString()),
        Map.of("CHECKPOINT_DISABLE", "1", "PACKER_CACHE_DIR", work.resolve("packer_cache").toString()), work);
    seconds.put("packer build (box source)", elapsed(t));
    Files.writeString(EVIDENCE.resolve("packer-build.log"), build.text() + build.stderr());
    if (Files.exists(console)) {
      Files.copy(console, EVIDENCE.resolve("packer-console.log"), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(build.exitCode()).as("packer build:\n%s%s", build.text(), build.stderr()).isZero();
    Path box = work.resolve("output").resolve(IMAGE + "-libvirt.box");
    assertThat(box).isRegularFile();

    // 2. vagrant box add, under the spec's vagrant_box.
    Path home = Files.createDirectories(work.resolve("vagrant-home"));
    Path kernel = Files.createDirectories(work.resolve("kernel"));
    Files.copy(guest.kernel(), kernel.resolve("vmlinuz"));
    Files.copy(guest.initrd(), kernel.resolve("initrd.img"));
    Files.writeString(home.resolve("Vagrantfile"), harnessVagrantfile(kernel));
    Map<String, String> env = Map.of("VAGRANT_HOME", home.toString(), "VAGRANT_CHECKPOINT_DISABLE", "1",
        "CHECKPOINT_DISABLE", "1", "LABFORGE_LIBVIRT_DRIVER", "qemu");
    t = System.nanoTime();
    Command add = Command.run(600, List.of("vagrant", "box", "add", "--name", image.vagrantBox(), box.toString()), env, work);
    seconds.put("vagrant box add", elapsed(t));
    assertThat(add.exitCode()).as("vagrant box add:\n%s%s", add.text(), add.stderr()).isZero();

    Path vagrantDir = out.resolve("vagrant");
    Path vagrantfile = vagrantDir.resolve("Vagrantfile");
    byte[] generated = Files.readAllBytes(vagrantfile);
    List<Machine> machines = lab.machines();
    assertThat(machines).hasSizeGreaterThanOrEqualTo(2);
    t = System.nanoTime();
    try (LibvirtNamespace ns = LibvirtNamespace.start(work.resolve("ns"))) {
      seconds.put("namespace + libvirtd start", elapsed(t));
      try {
        // 3. vagrant up, with the generated Vagrantfile, unedited.
        t = System.nanoTime();
        Command up = ns.run(3600, env, List.of("env", "-C", vagrantDir.toString(), "vagrant", "up", "--provider=libvirt"));
        seconds.put("vagrant up (2 machines, provisioning included)", elapsed(t));
        Files.writeString(EVIDENCE.resolve("vagrant-up.log"), up.text() + up.stderr());
        assertThat(Files.readAllBytes(vagrantfile)).as("the Vagrantfile is used as generated").isEqualTo(generated);
        assertThat(up.exitCode()).as("vagrant up:\n%s%s", up.text(), up.stderr()).isZero();
        String upLog = up.text();
        // Packages: the box carries iputils-ping, so the offline apt step succeeds.
        assertThat(upLog).contains("iputils-ping is already the newest version");

        // 4. proofs from inside each guest.
        t = System.nanoTime();
        for (Machine m : machines) {
          Map<String, String> facts = probe(ns, env, vagrantDir, m, machines);
          Files.writeString(EVIDENCE.resolve(m.name() + "-evidence.txt"), facts.toString().replace(", ", "\n"));
          System.out.printf("[boot] vagrant guest %s: %s%n", m.name(), facts);
          prove(m, facts, lab);
        }
        seconds.put("proofs (vagrant ssh)", elapsed(t));
        for (Machine m : machines) {
          String domain = lab.name() + "-" + m.name();
          assertThat(ns.virsh("dumpxml", domain)).as("TCG domain").contains("<domain type='qemu'");
        }
      } finally {
        // 5. destroy, then nothing may be left but the box's own volume.
        t = System.nanoTime();
        Command destroy = ns.run(900, env, List.of("env", "-C", vagrantDir.toString(), "vagrant", "destroy", "-f"));
        seconds.put("vagrant destroy -f", elapsed(t));
        Files.writeString(EVIDENCE.resolve("vagrant-destroy.log"), destroy.text() + destroy.stderr());
        assertThat(destroy.exitCode()).as("vagrant destroy:\n%s%s", destroy.text(), destroy.stderr()).isZero();
        assertThat(ns.virsh("list", "--all", "--name").strip()).as("domains left").isEmpty();
        assertThat(ns.virsh("net-list", "--all", "--name").strip()).as("networks left").isEmpty();
        String volumes = ns.virsh("vol-list", "default");
        List<String> left = volumes.lines().map(String::strip).filter(l -> !l.isEmpty())
            .filter(l -> !l.contains("_vagrant_box_image_")).toList();
        assertThat(left).as("volumes left besides the box's (vagrant box remove keeps it too)").isEmpty();
        System.out.printf("[boot] after destroy: volumes %s%n", volumes.strip());
      }
    } finally {
      System.out.printf("[boot] vagrant chain wall time: %s%n", seconds);
      Files.writeString(EVIDENCE.resolve("times.txt"), seconds.toString().replace(", ", "\n"));
    }
  }

  private static String harnessVagrantfile(Path kernel) {
    return """
        # Test harness (VagrantBootTest): the shared guest image has no boot loader, so libvirt boots
        # its kernel directly; net.ifnames=0 is what GRUB carries in a real box (eth0 = the first NIC).
        Vagrant.configure("2") do |config|
          config.vm.boot_timeout = 1800
          config.vm.provider :libvirt do |lv|
            lv.kernel = '%s'
            lv.initrd = '%s'
            lv.cmd_line = 'root=/dev/vda rw console=ttyS0 net.ifnames=0'
            lv.graphics_type = 'none'
            lv.video_type = 'none'
          end
        end
        """.formatted(kernel.resolve("vmlinuz"), kernel.resolve("initrd.img"));
  }

  /**
   * Runs one read-only shell script as root in the guest and returns its KEY=VALUE lines (values
   * that may hold any byte are base64).
   */
  private static Map<String, String> probe(LibvirtNamespace ns, Map<String, String> env, Path vagrantDir, Machine m,
      List<Machine> all) {
    StringBuilder s = new StringBuilder("set -u\n");
    s.append("echo \"hostname=$(hostname)\"\n");
    s.append("echo \"localtime=$(readlink /etc/localtime)\"\n");
    for (User u : m.users()) {
      String n = u.name();
      s.append("echo \"passwd_").append(n).append("=$(getent passwd ").append(n).append(" | cut -d: -f1,6,7)\"\n");
      s.append("echo \"groups_").append(n).append("=$(id -nG ").append(n).append(")\"\n");
      s.append("echo \"shadow_").append(n).append("=$(getent shadow ").append(n).append(" | cut -d: -f2)\"\n");
      s.append("echo \"keys_").append(n).append("=$(base64 -w0 < $(getent passwd ").append(n)
          .append(" | cut -d: -f6)/.ssh/authorized_keys)\"\n");
      s.append("echo \"sudoers_").append(n).append("=$(cat /etc/sudoers.d/90-labforge-").append(n)
          .append(" 2>/dev/null; stat -c %a /etc/sudoers.d/90-labforge-").append(n).append(" 2>/dev/null)\"\n");
    }
    for (int i = 0; i < m.files().size(); i++) {
      GuestFile f = m.files().get(i);
      s.append("echo \"file").append(i).append("_sha=$(sha256sum < '").append(f.path()).append("' | cut -c1-64)\"\n");
      s.append("echo \"file").append(i).append("_stat=$(stat -c '%a %U:%G' '").append(f.path()).append("')\"\n");
    }
    s.append("echo \"command=$(cat /var/log/labforge-command.log)\"\n");
    s.append("echo \"script_root=$(cat /var/tmp/labforge-script-root.txt)\"\n");
    s.append("echo \"script_user=$(cat /tmp/labforge-script-user.txt)\"\n");
    s.append("echo \"package=$(dpkg-query -W -f '${Package} ${Status}' iputils-ping)\"\n");
    s.append("echo \"mounts=$(findmnt -rn -o SOURCE,TARGET,FSTYPE | tr '\\n' ';')\"\n");
    for (Nic nic : m.nics()) {
      s.append("dev=$(ip -o link | grep -i 'link/ether ").append(nic.mac()).append("' | cut -d: -f2 | tr -d ' ')\n");
      s.append("echo \"nic").append(nic.index()).append("=$dev $(ip -o -4 addr show dev $dev | awk '{print $4}')\"\n");
    }
    for (Machine other : all) {
      if (!other.equals(m)) {
        String ip = other.nics().get(0).ip();
        s.append("echo \"ping_").append(other.name()).append("=$(ping -c 3 -W 5 ").append(ip)
            .append(" | grep -E 'packets transmitted')\"\n");
      }
    }
    String b64 = Base64.getEncoder().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    Command c = ns.run(600, env, List.of("env", "-C", vagrantDir.toString(), "vagrant", "ssh", m.name(), "-c",
        "echo " + b64 + " | base64 -d | sudo sh"));
    assertThat(c.exitCode()).as("vagrant ssh %s:\n%s%s", m.name(), c.text(), c.stderr()).isZero();
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : c.text().split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        facts.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return facts;
  }

  /** Every fact against the model and the spec, never against the guest. */
  private static void prove(Machine m, Map<String, String> f, Lab lab) throws Exception {
    assertThat(f.get("hostname")).as("hostname").isEqualTo(m.name());
    assertThat(f.get("localtime")).as("time zone").endsWith("/" + m.timezone());
    for (User u : m.users()) {
      String n = u.name();
      assertThat(f.get("passwd_" + n)).as("passwd of %s", n).isEqualTo(n + ":/home/" + n + ":" + u.shell());
      assertThat(List.of(f.get("groups_" + n).split(" "))).as("groups of %s", n).containsAll(u.groups());
      assertThat(f.get("shadow_" + n)).as("shadow hash of %s", n)
          .isEqualTo(u.passwordHash() == null ? "" : u.passwordHash());
      String keys = new String(Base64.getDecoder().decode(f.get("keys_" + n)), StandardCharsets.UTF_8);
      assertThat(keys.lines().toList()).as("authorized_keys of %s", n).isEqualTo(u.sshAuthorizedKeys());
      if (u.sudo()) {
        assertThat(f.get("sudoers_" + n)).as("sudo rule of %s", n).isEqualTo(n + " ALL=(ALL) NOPASSWD:ALL 440");
      } else {
        assertThat(f.get("sudoers_" + n)).as("no sudo rule for %s", n).isEmpty();
      }
    }
    for (int i = 0; i < m.files().size(); i++) {
      GuestFile file = m.files().get(i);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(file.content().getBytes(StandardCharsets.UTF_8)));
      assertThat(f.get("file" + i + "_sha")).as("bytes of %s", file.path()).isEqualTo(sha);
      String owner = file.owner().contains(":") ? file.owner() : file.owner() + ":" + file.owner();
      assertThat(f.get("file" + i + "_stat")).as("mode and owner of %s", file.path())
          .isEqualTo(Integer.toOctalString(Integer.parseInt(file.permissions(), 8)) + " " + owner);
    }
    assertThat(f.get("command")).as("command ran, as root").isEqualTo("command ran on " + m.name() + " as root");
    assertThat(f.get("script_root")).as("privileged script").isEqualTo("root " + m.name());
    assertThat(f.get("script_user")).as("unprivileged script: Vagrant's SSH user").isEqualTo("vagrant " + m.name());
    assertThat(f.get("package")).as("package").isEqualTo("iputils-ping install ok installed");
    for (var disk : m.disks()) {
      if (disk.mount() != null) {
        assertThat(f.get("mounts")).as("data disk %s", disk.name()).contains(disk.mount() + " " + disk.fs());
      }
    }
    for (Nic nic : m.nics()) {
      assertThat(f.get("nic" + nic.index())).as("NIC with MAC %s", nic.mac())
          .matches("eth\\d+ " + java.util.regex.Pattern.quote(nic.ip() + "/" + nic.prefix()));
    }
    for (Machine other : lab.machines()) {
      if (!other.equals(m)) {
        assertThat(f.get("ping_" + other.name())).as("%s pings %s", m.name(), other.name())
            .contains("3 packets transmitted, 3 received");
      }
    }
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }
}
