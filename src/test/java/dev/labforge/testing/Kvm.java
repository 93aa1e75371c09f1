package dev.labforge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether KVM works here. {@code -accel kvm -accel tcg} falls back to TCG only when KVM cannot start;
 * on some machines (nested virtualization, CI runners) {@code /dev/kvm} opens and QEMU then aborts
 * as it sets up the vCPU ({@code kvm_buf_set_msrs: Assertion ... failed}). The probe starts that very
 * fallback order, paused and with no disk: still running after a few seconds means KVM works (or QEMU
 * fell back); an exit means it is broken. Asked once per test run.
 */
public final class Kvm {
  private static final long PROBE_SECONDS = 5;
  private static Optional<String> broken;

  private Kvm() {}

  /** Why KVM is broken here (QEMU's own words), or empty when it works or is absent. */
  public static synchronized Optional<String> broken() {
    if (broken == null) {
      broken = probe();
    }
    return broken;
  }

  private static Optional<String> probe() {
    if (!Files.exists(Path.of("/dev/kvm")) || RealTools.missing("qemu-system-x86_64").isPresent()) {
      return Optional.empty();
    }
    Path log = null;
    Process q = null;
    try {
      log = Files.createTempFile("kvm-probe", ".log");
      q = new ProcessBuilder(List.of("qemu-system-x86_64", "-machine", "q35", "-accel", "kvm", "-accel", "tcg",
          "-cpu", "max", "-m", "64", "-nodefaults", "-display", "none", "-monitor", "none", "-serial", "none", "-S"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!q.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
        return Optional.empty();
      }
      String said = Files.readString(log, StandardCharsets.UTF_8).strip();
      return Optional.of("QEMU with -accel kvm -accel tcg exited (" + q.exitValue() + "): " + said);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (q != null && q.isAlive()) {
        q.destroyForcibly();
        try {
          q.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
