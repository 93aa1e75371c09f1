package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.HostNames;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.Crypt;
import org.assertj.core.api.SoftAssertions;
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
class VagrantBootTest {
  static final Path SPEC = Path.of("src/test/resources/specs/vagrant-boot.yaml");
  static final String IMAGE = "debian-12";
  static final Path EVIDENCE = BootTest.EVIDENCE.resolve("vagrant");
  /** Clear-text passwords of the spec (the model keeps only hashes). */
  static final Map<String, String> PASSWORDS = Map.of("lab", "change-me");
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
    vars.put("ssh_password", PASSWORDS.get("lab"));
    vars.put("memory", 1024);
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
        Logged up = Logged.run(2400, inNamespace(work, vagrantDir, "vagrant", "up", "--provider=libvirt"), env,
            EVIDENCE.resolve("vagrant-up.log"));
        seconds.put("vagrant up", elapsed(t));
        assertThat(Files.readAllBytes(vagrantfile)).as("the Vagrantfile is used as generated").isEqualTo(generated);
        assertThat(up.exitCode()).as("vagrant up (log in %s):\n%s", EVIDENCE.resolve("vagrant-up.log"), up.tail())
            .isZero();
        // Every fact below is checked softly, so one run reports every difference of both guests.
        SoftAssertions soft = new SoftAssertions();
        for (Machine m : machines) {
          // Packages: the box carries iputils-ping, so the install finds it; the only complaints are
          // apt-get update's, for lack of network (the namespace has no way out).
          soft.assertThat(up.text()).as("package step on %s", m.name())
              .contains(m.name() + ": iputils-ping is already the newest version");
          List<String> complaints = up.text().lines()
              .filter(l -> l.matches("\\s*" + m.name() + ": (W|E|Err):.*")).toList();
          soft.assertThat(complaints).as("apt's complaints on %s", m.name()).isNotEmpty()
              .allMatch(l -> l.matches(".*: Err:\\d+ http\\S+ \\S+ InRelease")
                  || l.contains("Temporary failure resolving") || l.contains("Some index files failed to download"));
        }

        // 4. proofs from inside each guest.
        t = System.nanoTime();
        for (Machine m : machines) {
          Map<String, String> facts = probe(work, env, vagrantDir, m, machines);
          System.out.printf("[boot] vagrant guest %s: %s%n", m.name(), facts);
          prove(soft, m, facts, lab);
        }
        seconds.put("proofs (vagrant ssh, both machines)", elapsed(t));
        for (Machine m : machines) {
          String domain = HostNames.join(lab.name(), m.name());
          soft.assertThat(ns.virsh("dumpxml", domain)).as("TCG domain").contains("<domain type='qemu'");
        }
        soft.assertAll();
      } finally {
        // 5. destroy, then no domain and no network may be left, and no volume but the box's own
        // (vagrant-libvirt keeps it in the pool for the next up); that one the test removes.
        t = System.nanoTime();
        Logged destroy = Logged.run(900, inNamespace(work, vagrantDir, "vagrant", "destroy", "-f"), env,
            EVIDENCE.resolve("vagrant-destroy.log"));
        seconds.put("vagrant destroy -f", elapsed(t));
        assertThat(destroy.exitCode()).as("vagrant destroy:\n%s", destroy.tail()).isZero();
        String domains = ns.virsh("list", "--all", "--name").strip();
        String networks = ns.virsh("net-list", "--all", "--name").strip();
        List<String> volumes = ns.virsh("vol-list", "default").lines().map(String::strip)
            .filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]).toList();
        String after = "domains [" + domains + "], networks [" + networks + "], volumes " + volumes;
        System.out.printf("[boot] after vagrant destroy -f: %s%n", after);
        Files.writeString(EVIDENCE.resolve("after-destroy.txt"), after + "\n");
        assertThat(domains).as("domains left").isEmpty();
        assertThat(networks).as("networks left").isEmpty();
        assertThat(volumes).as("volumes left besides the box's").allMatch(v -> v.contains("_vagrant_box_image_"));
        for (String v : volumes) {
          ns.virsh("vol-delete", "--pool", "default", v);
        }
        assertThat(ns.virsh("vol-list", "default").strip()).as("pool after the box volume's removal").isEmpty();
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
   * Runs one read-only shell script as root in the guest ({@code vagrant ssh NAME -c}) and returns
   * its KEY=VALUE lines (values that may hold any byte are base64). The raw output is the
   * machine's evidence file.
   */
  private static Map<String, String> probe(Path work, Map<String, String> env, Path vagrantDir, Machine m,
      List<Machine> all) throws Exception {
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
          .append(" 2>/dev/null)\"\n");
      s.append("echo \"sudoers_mode_").append(n).append("=$(stat -c %a /etc/sudoers.d/90-labforge-").append(n)
          .append(" 2>/dev/null)\"\n");
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
    // The box is the boot image, without net-tools (as Debian's cloud images): routes must not need it.
    s.append("echo \"net_tools=$(command -v route || echo none)\"\n");
    s.append("echo \"routes=$(ip -4 route show | tr '\\n' ';')\"\n");
    for (var disk : m.disks()) {
      if (disk.mount() != null) {
        s.append("echo \"mount_").append(disk.name()).append("=$(findmnt -rn -o SOURCE,TARGET,FSTYPE '")
            .append(disk.mount()).append("')\"\n");
      }
    }
    for (Nic nic : m.nics()) {
      s.append("dev=$(ip -o link | grep -i 'link/ether ").append(nic.mac()).append(" ' | cut -d: -f2 | tr -d ' ')\n");
      s.append("echo \"nic").append(nic.index()).append("=$dev ").append(nic.mac())
          .append(" $(ip -o -4 addr show dev \"$dev\" | awk '{print $4}')\"\n");
    }
    for (Machine other : all) {
      if (!other.equals(m)) {
        String ip = String.valueOf(other.nics().get(0).ip());
        s.append("echo \"hosts_").append(other.name()).append("=$(getent hosts ").append(other.name()).append(")\"\n");
        s.append("echo \"ping_").append(other.name()).append("=$(ping -c 3 -W 5 ").append(ip)
            .append(" | grep -E 'packets transmitted')\"\n");
      }
    }
    // Not asserted, for the record: how long the TCG boot took and what cloud-init did in the box.
    s.append("echo \"boot=$(systemd-analyze 2>&1 | head -1)\"\n");
    s.append("echo \"cloud_init=$(cloud-init status 2>&1 | tr '\\n' ' ')\"\n");
    String b64 = Base64.getEncoder().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    Logged c = Logged.run(600, inNamespace(work, vagrantDir, "vagrant", "ssh", m.name(), "-c",
        "echo " + b64 + " | base64 -d | sudo sh"), env, EVIDENCE.resolve(m.name() + "-probe.log"));
    assertThat(c.exitCode()).as("vagrant ssh %s:\n%s", m.name(), c.tail()).isZero();
    Files.writeString(EVIDENCE.resolve(m.name() + "-evidence.txt"), c.text());
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : c.text().split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        facts.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return facts;
  }

  /** argv that runs {@code command} in {@code dir} inside the test's libvirt namespace. */
  private static List<String> inNamespace(Path work, Path dir, String... command) {
    List<String> argv = new ArrayList<>(List.of("bash", LibvirtNamespace.SCRIPT.toString(), "run",
        work.resolve("ns").toAbsolutePath().toString(), "env", "-C", dir.toString()));
    argv.addAll(List.of(command));
    return argv;
  }

  /**
   * A long command whose merged output goes, line by line with the wall-clock time, to a log file
   * while it runs (so a slow {@code vagrant up} can be followed and its steps timed).
   */
  record Logged(int exitCode, String text) {
    static Logged run(long timeoutSeconds, List<String> argv, Map<String, String> env, Path log) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      Process process = builder.start();
      StringBuilder text = new StringBuilder();
      Thread reader = new Thread(() -> {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8)); var w = Files.newBufferedWriter(log)) {
          String line;
          while ((line = in.readLine()) != null) {
            synchronized (text) {
              text.append(line).append('\n');
            }
            // vagrant-libvirt's upload progress is one long line of "\e[KProgress: N%"; keep its end.
            String shown = line.contains("Progress:") && line.length() > 80 ? "..." + line.substring(line.length() - 60)
                : line;
            w.write(java.time.LocalTime.now().withNano(0) + " " + shown + "\n");
            w.flush();
          }
        } catch (java.io.IOException e) {
          // the process ended or the log is gone: what was read is kept
        }
      });
      reader.start();
      if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
        // Only the process we started and its children, by handle; never by name.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        reader.join(10_000);
        throw new AssertionError(argv + " timed out after " + timeoutSeconds + " s; log: " + log);
      }
      reader.join();
      synchronized (text) {
        return new Logged(process.exitValue(), text.toString());
      }
    }

    /** The last 60 lines, for a failure message. */
    String tail() {
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  /** Every fact against the model and the spec, never against the guest. */
  private static void prove(SoftAssertions soft, Machine m, Map<String, String> f, Lab lab) throws Exception {
    soft.assertThat(f.get("hostname")).as("hostname").isEqualTo(m.name());
    soft.assertThat(f.get("localtime")).as("time zone").endsWith("/" + m.timezone());
    for (User u : m.users()) {
      String n = u.name();
      soft.assertThat(f.get("passwd_" + n)).as("passwd of %s", n).isEqualTo(n + ":/home/" + n + ":" + u.shell());
      soft.assertThat(List.of(f.getOrDefault("groups_" + n, "").split(" "))).as("groups of %s", n).containsAll(u.groups());
      if (u.passwordHash() == null) {
        // useradd leaves an account without a password locked ("!"), as cloud-init does.
        soft.assertThat(f.get("shadow_" + n)).as("no password for %s", n).matches("[!*]+");
      } else {
        soft.assertThat(f.get("shadow_" + n)).as("shadow hash of %s", n).isEqualTo(u.passwordHash());
      }
      if (PASSWORDS.containsKey(n) && f.get("shadow_" + n) != null && f.get("shadow_" + n).startsWith("$")) {
        soft.assertThat(Crypt.crypt(PASSWORDS.get(n), f.get("shadow_" + n))).as("the spec's password of %s verifies", n)
            .isEqualTo(f.get("shadow_" + n));
      }
      String keys = new String(Base64.getDecoder().decode(f.getOrDefault("keys_" + n, "")), StandardCharsets.UTF_8);
      soft.assertThat(keys.lines().toList()).as("authorized_keys of %s", n).isEqualTo(u.sshAuthorizedKeys());
      if (u.sudo()) {
        soft.assertThat(f.get("sudoers_" + n)).as("sudo rule of %s", n).isEqualTo(n + " ALL=(ALL) NOPASSWD:ALL");
        soft.assertThat(f.get("sudoers_mode_" + n)).as("sudo rule's mode for %s", n).isEqualTo("440");
      } else {
        soft.assertThat(f.get("sudoers_" + n)).as("no sudo rule for %s", n).isEmpty();
      }
    }
    for (int i = 0; i < m.files().size(); i++) {
      GuestFile file = m.files().get(i);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(file.content().getBytes(StandardCharsets.UTF_8)));
      soft.assertThat(f.get("file" + i + "_sha")).as("bytes of %s", file.path()).isEqualTo(sha);
      String owner = file.owner().contains(":") ? file.owner() : file.owner() + ":" + file.owner();
      soft.assertThat(f.get("file" + i + "_stat")).as("mode and owner of %s", file.path())
          .isEqualTo(Integer.toOctalString(Integer.parseInt(file.permissions(), 8)) + " " + owner);
    }
    soft.assertThat(f.get("command")).as("command ran, as root").isEqualTo("command ran on " + m.name() + " as root");
    soft.assertThat(f.get("script_root")).as("privileged script").isEqualTo("root " + m.name());
    soft.assertThat(f.get("script_user")).as("unprivileged script: the machine's login user, not root")
        .isEqualTo(m.runAs() + " " + m.name());
    soft.assertThat(f.get("package")).as("package").isEqualTo("iputils-ping install ok installed");
    for (var disk : m.disks()) {
      if (disk.mount() != null) {
        soft.assertThat(f.get("mount_" + disk.name())).as("data disk %s", disk.name())
            .matches("/dev/vd[b-z] " + java.util.regex.Pattern.quote(disk.mount() + " " + disk.fs()));
      }
    }
    soft.assertThat(f.get("net_tools")).as("no net-tools in the box").isEqualTo("none");
    for (Nic nic : m.nics()) {
      nic.routes().forEach(r -> soft.assertThat(f.get("routes")).as("route %s", r)
          .containsPattern("(^|;)" + java.util.regex.Pattern.quote(r.to() + " via " + r.via() + " dev ") + "eth\\d+"));
      soft.assertThat(f.get("nic" + nic.index())).as("NIC with MAC %s", nic.mac())
          .matches("eth\\d+ " + java.util.regex.Pattern.quote(nic.mac() + " " + nic.ip() + "/" + nic.prefix()));
    }
    for (Machine other : lab.machines()) {
      if (!other.equals(m)) {
        soft.assertThat(f.get("hosts_" + other.name())).as("%s resolves %s (the hosts step)", m.name(), other.name())
            .startsWith(other.nics().get(0).ip() + " ");
        soft.assertThat(f.get("ping_" + other.name())).as("%s pings %s", m.name(), other.name())
            .contains("3 packets transmitted, 3 received");
      }
    }
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }
}
