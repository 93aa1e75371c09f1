package dev.labforge.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The qemu target's tool checks on real tools: the router example passes shellcheck and the
 * installed QEMU's help lists; a launcher naming a device this QEMU lacks, and a lab.sh with a
 * shell mistake, are reported by name.
 */
class QemuChecksTest {
  @TempDir
  Path tmp;

  @Test
  void theInstalledQemuKnowsEveryOptionAndADeviceItLacksIsNamed() throws Exception {
    RealTools.require(QemuOptionsCheck.QEMU);
    Path lab = Specs.generate(Path.of("examples/router.yaml"), tmp);
    QemuOptionsCheck check = new QemuOptionsCheck();
    assertThat(check.run(lab, Tools.system())).isEmpty();
    Path launcher = lab.resolve("qemu/client2.sh");
    Files.writeString(launcher, Files.readString(launcher).replace("'virtio-rng-pci'", "'virtio-rng-pcie'")
        .replace("'socket,id=net0,", "'vmnet-host,id=net0,"));
    assertThat(check.run(lab, Tools.system())).containsExactly(
        "qemu/client2.sh: netdev backend vmnet-host is not in this QEMU (qemu-system-x86_64 knows "
            + QemuOptionsCheck.firstWords(Tools.system().run(tmp, java.util.Map.of(), 60, QemuOptionsCheck.QEMU,
                "-netdev", "help").output(), 0).size() + ")",
        "qemu/client2.sh: device virtio-rng-pcie is not in this QEMU (qemu-system-x86_64 knows "
            + deviceCount() + ")");
  }

  @Test
  void shellcheckReadsLabShAndEveryLauncher() throws Exception {
    RealTools.require("shellcheck");
    Path lab = Specs.generate(Path.of("examples/router.yaml"), tmp);
    ShellScriptsCheck check = new ShellScriptsCheck();
    assertThat(check.run(lab, Tools.system())).isEmpty();
    Path launcher = lab.resolve("qemu/router.sh");
    Files.writeString(launcher, Files.readString(launcher).replace("exec qemu-system-x86_64 \"${QEMU_ARGS[@]}\"",
        "exec qemu-system-x86_64 ${QEMU_ARGS[@]}"));
    assertThat(check.run(lab, Tools.system())).singleElement().asString()
        .startsWith("qemu/router.sh: shellcheck:\n").contains("SC2068");
  }

  private long deviceCount() throws Exception {
    String help = Tools.system().run(tmp, java.util.Map.of(), 60, QemuOptionsCheck.QEMU, "-device", "help").output();
    return help.lines().filter(l -> l.startsWith("name \"")).distinct().count();
  }
}
