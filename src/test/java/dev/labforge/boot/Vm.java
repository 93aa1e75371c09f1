package dev.labforge.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One QEMU run of the guest image with a seed CD, on a fresh overlay so the cached image stays
 * pristine. QEMU is stopped through the Process handle of the exact process started here, never
 * by name.
 *
 * <p>No network: {@code -nic none} drops QEMU's default NIC, and there is no user-mode (slirp) or
 * tap backend. The guest does get one virtio NIC with the machine's MAC, plugged into an empty
 * QEMU hub (QEMU says "hub 0 is not connected to host network"): the config drive's
 * network_data.json names that MAC, and without such a NIC cloud-init's ConfigDrive fails its init
 * stages with "Unable to find a system nic". The empty hub lets the seed's network config apply
 * (and be checked) while no frame can leave the VM.
 */
final class Vm implements AutoCloseable {
  /**
   * Write-back within about a second instead of 30 s (dirty expiry) + 5 s (ext4 commit): the guest
   * is stopped from outside, and what is still in its page cache then is lost. The kernel applies
   * sysctl.* from its command line itself (Linux >= 5.8), before any guest process runs.
   */
  static final String FAST_WRITEBACK =
      "sysctl.vm.dirty_expire_centisecs=100 sysctl.vm.dirty_writeback_centisecs=100 rootflags=commit=1";

  private final Path overlay;
  private final Path console;
  private final Process process;

  private Vm(Path overlay, Path console, Process process) {
    this.overlay = overlay;
    this.console = console;
    this.process = process;
  }

  static Vm boot(GuestImage image, Path seedIso, String mac, Path workDir) {
    Path overlay = workDir.resolve("overlay.qcow2");
    Path console = workDir.resolve("console.log");
    Command.ok(60, "qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2",
        "-b", image.disk().toAbsolutePath().toString(), overlay.toString());
    List<String> argv = List.of("qemu-system-x86_64",
        "-machine", "pc", "-accel", "tcg,thread=multi", "-cpu", "max", "-smp", "2", "-m", "1024",
        "-display", "none", "-monitor", "none", "-serial", "file:" + console, "-nic", "none",
        "-netdev", "hubport,id=lab0,hubid=0", "-device", "virtio-net-pci,netdev=lab0,mac=" + mac,
        "-no-reboot",
        "-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
        "-append", "root=/dev/vda rw console=ttyS0 " + FAST_WRITEBACK,
        "-drive", "file=" + overlay + ",format=qcow2,if=virtio",
        "-drive", "file=" + seedIso.toAbsolutePath() + ",format=raw,media=cdrom,readonly=on");
    try {
      Process p = new ProcessBuilder(argv)
          .redirectErrorStream(true)
          .redirectOutput(workDir.resolve("qemu.log").toFile())
          .start();
      return new Vm(overlay, console, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a console line matching {@code pattern}; fails with the console tail otherwise. */
  String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = consoleText().lines().filter(l -> pattern.matcher(l).find()).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (!process.isAlive()) {
        throw new AssertionError("QEMU exited (" + process.exitValue() + ") before " + pattern + tail());
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("no console line matching " + pattern + " within " + timeout + tail());
  }

  /** Stops QEMU by its own PID: SIGTERM makes QEMU close its disks cleanly; SIGKILL is a last resort. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  String consoleText() {
    try {
      return Files.exists(console) ? new String(Files.readAllBytes(console), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path overlay() {
    return overlay;
  }

  long pid() {
    return process.pid();
  }

  private String tail() {
    List<String> lines = consoleText().lines().toList();
    return "\n--- console tail ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
