package dev.labforge.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private libvirtd for one test, in a network, mount and PID namespace that the test creates
 * (scripts/libvirt-ns.sh): every bridge, dnsmasq, guest and packet of a lab stays inside, and
 * {@link #close()} stops every process in it by PID, never by name.
 */
final class LibvirtNamespace implements AutoCloseable {
  static final Path SCRIPT = Path.of("scripts/libvirt-ns.sh");
  static final String URI = "qemu:///system";

  private final Path state;
  private final long holderPid;

  private LibvirtNamespace(Path state, long holderPid) {
    this.state = state;
    this.holderPid = holderPid;
  }

  /** Starts the namespace and its daemons; {@code state} keeps the holder's PID and the logs. */
  static LibvirtNamespace start(Path state) {
    Command c = Command.run(120, List.of("bash", SCRIPT.toString(), "start", state.toAbsolutePath().toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("libvirt-ns.sh start exited " + c.exitCode() + ":\n" + c.stderr());
    }
    return new LibvirtNamespace(state.toAbsolutePath(), Long.parseLong(c.text().strip()));
  }

  /** Runs {@code argv} inside the namespace, with {@code env} added to this JVM's environment. */
  Command run(long timeoutSeconds, Map<String, String> env, List<String> argv) {
    List<String> all = new ArrayList<>(List.of("bash", SCRIPT.toString(), "run", state.toString()));
    all.addAll(argv);
    return Command.run(timeoutSeconds, all, env);
  }

  Command run(long timeoutSeconds, String... argv) {
    return run(timeoutSeconds, Map.of(), List.of(argv));
  }

  /** Runs and fails with both streams unless the exit code is 0. */
  Command ok(long timeoutSeconds, String... argv) {
    Command c = run(timeoutSeconds, argv);
    if (c.exitCode() != 0) {
      throw new AssertionError(String.join(" ", argv) + " exited " + c.exitCode() + " in the namespace:\n"
          + c.text() + c.stderr());
    }
    return c;
  }

  /** {@code virsh -c qemu:///system ARGS} inside the namespace; its stdout. */
  String virsh(String... args) {
    List<String> argv = new ArrayList<>(List.of("virsh", "-q", "-c", URI));
    argv.addAll(List.of(args));
    return ok(120, argv.toArray(String[]::new)).text();
  }

  long holderPid() {
    return holderPid;
  }

  @Override
  public void close() {
    Command c = Command.run(120, List.of("bash", SCRIPT.toString(), "stop", state.toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("libvirt-ns.sh stop exited " + c.exitCode() + ":\n" + c.stderr());
    }
  }
}
