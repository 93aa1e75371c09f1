package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a machine booted from its NoCloud seed checks itself and says so in one console line.
 * The spec has three expectations, the third false on purpose: every built-in check and the first
 * two pass, the third fails and its detail shows what the command printed. The guest's own log
 * gives what the checks cost. About two minutes under TCG; tagged "boot".
 */
@Tag("boot")
class ChecksBootTest {
  static final Path SPEC = Path.of("src/test/resources/specs/checks-lab.yaml");
  static final String MACHINE = "grader";
  static final Pattern LINE = Pattern.compile("labforge-check: (\\{.*\\})\\s*$");
  /** Issue 25's bound on what the checks add to a boot under TCG. */
  static final double MAX_SECONDS = 10;

  @Test
  void aBootedMachineReportsItsChecksInOneConsoleLine(@TempDir Path work) throws Exception {
    RealTools.require("debootstrap", "mkfs.ext4", "qemu-img", "qemu-system-x86_64", "debugfs");
    Path out = Specs.generate(SPEC, work.resolve("out"));
    Lab lab = Specs.lab(SPEC);
    Machine machine = lab.machines().stream().filter(m -> m.name().equals(MACHINE)).findFirst().orElseThrow();
    GuestImage image = GuestImage.get(lab.image(machine.image()).packages());
    Path seed = out.resolve("cloud-init").resolve(MACHINE).resolve("nocloud.iso");

    String console;
    Vm vm = Vm.boot(image, seed, machine.primaryNic().mac(), work);
    try {
      vm.awaitLine(LINE, Duration.ofMinutes(10));
      Thread.sleep(BootTest.AFTER_FINISHED.toMillis()); // check.json and check.log reach the disk
    } finally {
      vm.stop();
      console = vm.consoleText();
      Files.createDirectories(BootTest.EVIDENCE);
      Files.writeString(BootTest.EVIDENCE.resolve("checks-console.log"), console);
    }
    List<String> lines = console.lines().filter(l -> l.contains("labforge-check")).toList();
    assertThat(lines).as("exactly one console line of the checks").hasSize(1);
    Matcher m = LINE.matcher(lines.get(0));
    assertThat(m.find()).as("the line ends in the JSON report: %s", lines.get(0)).isTrue();
    JsonNode report = new ObjectMapper().readTree(m.group(1));
    System.out.printf("[checks] %s%n", lines.get(0));

    assertThat(report.path("machine").asText()).isEqualTo(MACHINE);
    assertThat(report.path("lab").asText()).isEqualTo(lab.name());
    List<String> failed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    report.path("checks").forEach(c -> {
      names.add(c.path("name").asText());
      if (!c.path("status").asText().equals("pass")) {
        failed.add(c.path("name").asText() + ": " + c.path("status").asText() + ": " + c.path("detail").asText());
      }
    });
    assertThat(names).contains("cloud-init status", "cloud-init errors", "cloud-init datasource", "hostname", "fqdn",
        "user lab", "user lab sudo", "user lab keys", "user lab password", "file /etc/hosts", "file /etc/motd",
        "file /home/lab/notes.txt", "command 1", "nic eth0", "route default", "dns grader",
        "expect 1: cat /var/log/grader.log", "expect 2: ping grader", "expect 3: id -nG lab");
    assertThat(failed).as("only the false expectation fails, saying what the command printed")
        .containsExactly("expect 3: id -nG lab: fail: stdout has no match for /\\bwheel\\b/: lab adm");

    GuestDisk disk = GuestDisk.of(vm.overlay());
    JsonNode saved = new ObjectMapper().readTree(disk.text("/var/lib/labforge/check.json"));
    assertThat(saved).as("check.json holds the same report").isEqualTo(report);
    String log = disk.text("/var/lib/labforge/check.log");
    System.out.printf("[checks] check.log: %s", log);
    Matcher cost = Pattern.compile("^boot: waited ([0-9.]+) s for cloud-init, checked and reported in ([0-9.]+) s$",
        Pattern.MULTILINE).matcher(log);
    assertThat(cost.find()).as("check.log: %s", log).isTrue();
    assertThat(Double.parseDouble(cost.group(2))).as("seconds the checks add").isLessThanOrEqualTo(MAX_SECONDS);
  }
}
