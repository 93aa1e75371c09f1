package dev.labforge.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private LXD for one test: scripts/lxd-ns.sh starts {@code lxd --group root} inside a network,
 * mount and PID namespace that it creates, with its state under {@code dir}; {@link #close()}
 * runs {@code lxd shutdown} and then stops every process left in the namespace by PID (dnsmasq
 * outlives the daemon). Nothing of a lab reaches the host's interfaces.
 */
final class LxdNamespace implements AutoCloseable {
  static final Path SCRIPT = Path.of("scripts/lxd-ns.sh");
  private final Path dir;

  private LxdNamespace(Path dir) {
    this.dir = dir;
  }

  static LxdNamespace start(Path dir) {
    Command c = Command.run(120, List.of("bash", SCRIPT.toString(), "start", dir.toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("lxd-ns.sh start exited " + c.exitCode() + ":\n" + c.text() + c.stderr());
    }
    return new LxdNamespace(dir);
  }

  /** Runs {@code argv} inside the namespace, with LXD_DIR and LXD_CONF set, in {@code workDir}. */
  Command run(long timeoutSeconds, Map<String, String> env, Path workDir, String... argv) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString(), "run",
        dir.toAbsolutePath().toString(), "env"));
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(List.of(argv));
    return Command.run(timeoutSeconds, command, Map.of(), workDir);
  }

  Command run(long timeoutSeconds, String... argv) {
    return run(timeoutSeconds, Map.of(), Path.of("."), argv);
  }

  /** Like {@link #run(long, String...)}, failing with both streams unless it exits 0. */
  Command ok(long timeoutSeconds, String... argv) {
    Command c = run(timeoutSeconds, argv);
    if (c.exitCode() != 0) {
      throw new AssertionError(String.join(" ", argv) + " exited " + c.exitCode() + ":\n" + c.text() + c.stderr());
    }
    return c;
  }

  /** {@code lxc exec INSTANCE -- sh -c SCRIPT}, its stdout; fails unless it exits 0. */
  String exec(String instance, String script) {
    return ok(120, "lxc", "exec", instance, "--", "sh", "-c", script).text();
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    Command c = Command.run(300, List.of("bash", SCRIPT.toString(), "stop", dir.toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("lxd-ns.sh stop exited " + c.exitCode() + ":\n" + c.text() + c.stderr());
    }
    if (!c.stderr().isBlank()) {
      System.out.print("[lxd] " + c.stderr());
    }
  }
}
