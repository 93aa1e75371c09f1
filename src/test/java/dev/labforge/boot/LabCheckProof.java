package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Issue 25 on a booted lab: what the user runs ({@code lab.sh up --wait}, {@code lab.sh check}) is what
 * the proofs assert. A passing lab gives exit 0 and a table with no failure for every machine; a lab
 * broken on purpose (one route deleted inside one guest, then its checks run again there) gives exit 1
 * and a verdict that names the machine and the check.
 */
final class LabCheckProof {
  static final String RERUN = "sudo /usr/local/sbin/labforge-check";

  private LabCheckProof() {}

  /** `up --wait` returned because every machine reported. */
  static void waited(Command up) {
    assertThat(up.exitCode()).as("lab.sh up --wait:\n" + up.text() + up.stderr()).isZero();
    assertThat(up.stderr()).as("lab.sh up --wait").containsPattern("every machine has reported after \\d+ s");
  }

  static void passes(SoftAssertions soft, Command check, Lab lab) {
    String shown = "lab.sh check (exit " + check.exitCode() + "):\n" + check.text() + check.stderr();
    soft.assertThat(check.exitCode()).as(shown).isZero();
    for (Machine m : lab.machines()) {
      soft.assertThat(check.text()).as(shown).containsPattern("(?m)^" + Pattern.quote(m.name()) + ": \\d+ checks, 0 failed$");
    }
    soft.assertThat(check.stderr()).as(shown)
        .isEqualTo("lab.sh: every check of " + lab.machines().size() + " machines passed\n");
  }

  static void failsNaming(SoftAssertions soft, Command check, String machine, String checkName) {
    String shown = "lab.sh check (exit " + check.exitCode() + "):\n" + check.text() + check.stderr();
    soft.assertThat(check.exitCode()).as(shown).isEqualTo(1);
    soft.assertThat(check.text()).as(shown)
        .containsPattern("(?m)^" + Pattern.quote(machine) + ": \\d+ checks, [1-9]\\d* failed$")
        .containsPattern("(?m)^  fail +" + Pattern.quote(checkName) + " ");
    soft.assertThat(check.stderr()).as(shown)
        .containsPattern("^lab\\.sh: check failed: .*" + Pattern.quote(machine) + " \\([^)]*" + Pattern.quote(checkName));
  }

  static Path key(Path work) {
    return work.resolve("ssh/id_ed25519");
  }

  /**
   * A copy of {@code spec} (with its scripts folder) whose default users accept the key this test makes (instead of the spec's),
   * so that {@code lab.sh ssh -i KEY M} can break machine M on purpose.
   */
  static Path withTestKey(Path spec, Path work) throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
    Files.createDirectories(key(work).getParent());
    Command keygen = Command.run(60, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "check-proof",
        "-f", key(work).toString());
    assertThat(keygen.exitCode()).as("ssh-keygen: " + keygen.stderr()).isZero();
    String publicKey = Files.readString(Path.of(key(work) + ".pub")).strip();
    // in place of the spec's keys: one key, so that the order cloud-init writes keys in does not matter
    for (var user : tree.withObject("/defaults").withArray("users")) {
      ((ArrayNode) user.withArray("ssh_authorized_keys")).removeAll().add(publicKey);
    }
    Path dir = Files.createDirectories(work.resolve("spec"));
    Path scripts = spec.resolveSibling("scripts");
    if (Files.isDirectory(scripts)) {
      Files.createDirectories(dir.resolve("scripts"));
      try (var files = Files.list(scripts)) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve("scripts").resolve(f.getFileName()));
        }
      }
    }
    Path file = dir.resolve(spec.getFileName().toString().replaceAll("\\.ya?ml$", "") + ".json");
    Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    return file;
  }

  /** {@code lab.sh check} until it fails (the guest's new line reaches the console log a moment later), at most 60 s. */
  static Command checkUntilItFails(java.util.function.Supplier<Command> check) throws InterruptedException {
    Command c = check.get();
    for (int i = 0; i < 12 && c.exitCode() == 0; i++) {
      Thread.sleep(5000);
      c = check.get();
    }
    return c;
  }
}
