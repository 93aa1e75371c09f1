package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.testing.RealTools;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guest's check program, run here with python3 on a plan of the checks a host can answer
 * (files, commands, markers, names, TCP): each compares what it finds with the plan's value, a
 * failure says what it saw, and the one output line is the report the host tools parse.
 */
class GuestProgramTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachCheckComparesWithThePlanAndTheReportIsOneLine(@TempDir Path dir) throws Exception {
    RealTools.require("python3");
    Path file = Files.writeString(dir.resolve("motd"), "graded lab\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(dir.resolve("command-1"), "0\n");
    Files.writeString(dir.resolve("command-2"), "3\n");
    String owner = Files.getOwner(file).getName();
    String group = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
    try (ServerSocket listening = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      List<Map<String, Object>> checks = List.of(
          check("file ok", "file", "path", file.toString(), "sha256",
              "c41777f3c4be91aa6e822a774af9a13c9700d4b7d532c376c39be301ab695f2a", "mode", "0644", "owner", owner,
              "group", group),
          check("file changed", "file", "path", file.toString(), "sha256", "00", "mode", "0600", "owner", owner,
              "group", group),
          check("command 1", "ran", "marker", dir.resolve("command-1").toString()),
          check("command 2", "ran", "marker", dir.resolve("command-2").toString()),
          check("command 3", "ran", "marker", dir.resolve("command-3").toString()),
          check("expect 1", "command", "command", "printf 'state\\nactive\\n'", "stdout", "^active$"),
          check("expect 2", "command", "command", "echo inactive", "stdout", "^active$"),
          check("expect 3", "command", "command", "echo out; echo err >&2; exit 4", "stdout", null),
          check("expect 4", "tcp", "address", "127.0.0.1", "port", listening.getLocalPort()),
          check("dns localhost", "dns", "host", "localhost", "address", "127.0.0.1"),
          check("cloud-init", "skip", "reason", "Vagrant provisions this machine"));
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("lab", "checks");
      plan.put("machine", "grader \"quoted\" ✓");
      plan.put("wait_seconds", 5);
      plan.put("checks", checks);
      Path planFile = dir.resolve("checks.json");
      JSON.writeValue(planFile.toFile(), plan);

      Path program = dir.resolve("labforge-check");
      Files.writeString(program, GuestProgram.CHECK);
      Process p = new ProcessBuilder("python3", program.toString(), "--plan", planFile.toString(),
          "--report", dir.resolve("report").toString()).redirectErrorStream(true).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("exit 1: some check failed; output %s", out).isEqualTo(1);
      assertThat(out.lines().toList()).as("one line").hasSize(1);
      assertThat(out).startsWith("labforge-check: {").endsWith("}\n");
      assertThat(out).as("ASCII only, whatever the names").matches("\\p{ASCII}*");
      JsonNode report = JSON.readTree(out.substring("labforge-check: ".length()));
      assertThat(report).isEqualTo(JSON.readTree(dir.resolve("report/check.json").toFile()));
      assertThat(report.path("machine").asText()).isEqualTo("grader \"quoted\" ✓");
      Map<String, String> got = new LinkedHashMap<>();
      report.path("checks").forEach(c -> got.put(c.path("name").asText(),
          c.path("status").asText() + ": " + c.path("detail").asText()));
      assertThat(got).containsExactly(
          Map.entry("file ok", "pass: 0644 " + owner + ":" + group),
          Map.entry("file changed", "fail: other bytes (sha256 c41777f3c4be91aa6e822a774af9a13c9700d4b7d532c376c39be301ab695f2a);"
              + " mode 0644, not 0600"),
          Map.entry("command 1", "pass: exit 0"),
          Map.entry("command 2", "fail: exit 3"),
          Map.entry("command 3", "fail: did not run (no " + dir.resolve("command-3") + ")"),
          Map.entry("expect 1", "pass: matched: active"),
          Map.entry("expect 2", "fail: stdout has no match for /^active$/: inactive"),
          Map.entry("expect 3", "fail: exit 4; stdout: out; stderr: err"),
          Map.entry("expect 4", "pass: connected"),
          Map.entry("dns localhost", "pass: 127.0.0.1"),
          Map.entry("cloud-init", "skip: Vagrant provisions this machine"));
      assertThat(Files.readString(dir.resolve("report/check.log")))
          .matches("rerun: waited [0-9.]+ s for cloud-init, checked and reported in [0-9.]+ s\n");
    }
  }

  /** cloud-init runs the hook with /bin/sh; it must also find the EL 8 Python, and be clean for shellcheck. */
  @Test
  void theBootHookIsPlainShellAndFindsEitherPython(@TempDir Path dir) throws Exception {
    RealTools.require("dash", "shellcheck");
    Path hook = Files.writeString(dir.resolve("labforge-check"), GuestProgram.BOOT_HOOK);
    for (List<String> argv : List.of(List.of("dash", "-n", hook.toString()), List.of("shellcheck", hook.toString()))) {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("%s: %s", argv, out).isZero();
    }
    assertThat(GuestProgram.BOOT_HOOK).contains("/usr/bin/python3 /usr/libexec/platform-python")
        .contains("exec \"$python\" /usr/local/sbin/labforge-check --boot");
  }

  private static Map<String, Object> check(String name, String kind, Object... fields) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("kind", kind);
    for (int i = 0; i < fields.length; i += 2) {
      c.put((String) fields[i], fields[i + 1]);
    }
    return c;
  }
}
