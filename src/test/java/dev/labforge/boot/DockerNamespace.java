package dev.labforge.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private Docker Engine for one test: scripts/docker-ns.sh starts Debian's dockerd 20.10 inside a
 * network, mount and PID namespace that it creates, with its data root, exec root and socket under
 * {@code dir}; {@link #close()} stops dockerd by its PID, then every process left in the namespace.
 */
final class DockerNamespace implements AutoCloseable {
  static final Path SCRIPT = Path.of("scripts/docker-ns.sh");
  private final Path dir;

  private DockerNamespace(Path dir) {
    this.dir = dir;
  }

  static DockerNamespace start(Path dir) {
    Command c = Command.run(120, List.of("bash", SCRIPT.toString(), "start", dir.toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("docker-ns.sh start exited " + c.exitCode() + ":\n" + c.text() + c.stderr());
    }
    return new DockerNamespace(dir);
  }

  /** Runs {@code argv} inside the namespace (DOCKER_HOST set, Debian's client first in PATH), in {@code workDir}. */
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

  /** {@code docker exec CONTAINER sh -c SCRIPT}, its stdout; fails unless it exits 0. */
  String exec(String container, String script) {
    return ok(120, "docker", "exec", container, "sh", "-c", script).text();
  }

  @Override
  public void close() {
    Command c = Command.run(300, List.of("bash", SCRIPT.toString(), "stop", dir.toString()));
    if (c.exitCode() != 0) {
      throw new AssertionError("docker-ns.sh stop exited " + c.exitCode() + ":\n" + c.text() + c.stderr());
    }
    if (!c.stderr().isBlank()) {
      System.out.print("[docker] " + c.stderr());
    }
  }
}
