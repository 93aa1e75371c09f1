package dev.labforge.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab.sh check} and {@code lab.sh up --wait} of libvirt, LXD and Xen without a guest: the router example
 * generated, and the reports the guests would have left (libvirt's and xenconsoled's console logs, a stand-in
 * {@code lxc} whose {@code exec} prints check.json). Table, messages and exit codes word for word.
 */
class LabShCheckTest {
  static final String ROUTER_PASS = "labforge-check: {\"machine\": \"router\", \"lab\": \"router\", \"checks\": ["
      + "{\"name\": \"cloud-init\", \"status\": \"pass\", \"detail\": \"done, DataSourceNoCloud\"}, "
      + "{\"name\": \"forwarding\", \"status\": \"pass\", \"detail\": \"net.ipv4.ip_forward = 1\"}]}";
  static final String CLIENT1_PASS = "labforge-check: {\"machine\": \"client1\", \"lab\": \"router\", \"checks\": ["
      + "{\"name\": \"route 10.2.0.0/24 via 10.1.0.1\", \"status\": \"pass\", \"detail\": \"\"}, "
      + "{\"name\": \"ntp\", \"status\": \"skip\", \"detail\": \"no clock in a container\"}]}";
  static final String CLIENT1_FAIL = "labforge-check: {\"machine\": \"client1\", \"lab\": \"router\", \"checks\": ["
      + "{\"name\": \"route 10.2.0.0/24 via 10.1.0.1\", \"status\": \"fail\", \"detail\": \"no such route\\u001b[2J\"}, "
      + "{\"name\": \"ntp\", \"status\": \"skip\", \"detail\": \"no clock in a container\"}]}";
  static final String CLIENT2_PASS = "labforge-check: {\"machine\": \"client2\", \"lab\": \"router\", \"checks\": ["
      + "{\"name\": \"ping client1\", \"status\": \"pass\", \"detail\": \"10.1.0.10: 1/3 answered\"}]}";

  static final String ROUTER_TABLE = """
      router: 2 checks, 0 failed
        STATUS CHECK       DETAIL
        pass   cloud-init  done, DataSourceNoCloud
        pass   forwarding  net.ipv4.ip_forward = 1
      """;
  static final String CLIENT2_TABLE = """
      client2: 1 checks, 0 failed
        STATUS CHECK         DETAIL
        pass   ping client1  10.1.0.10: 1/3 answered
      """;

  @TempDir
  Path tmp;
  Path out;

  @BeforeEach
  void generate() {
    RealTools.require("bash", "python3");
    out = Specs.generate(Path.of("examples/router.yaml"), tmp.resolve("out"));
  }

  @Test
  void libvirtReadsTheLastReportOfEachConsoleLog() throws Exception {
    Path lab = Files.createDirectories(tmp.resolve("pool/router"));
    // boot noise, an earlier run of the checks (the last line counts), serial line ends, a getty prompt
    log(lab.resolve("router.console.log"), "[    0.000000] Linux version 6.1\r\n"
        + ROUTER_PASS.replace("pass", "fail") + "\r\n" + "cloud-init finished\r\n" + ROUTER_PASS + "\r\n");
    log(lab.resolve("client1.console.log"), "client1 login: " + CLIENT1_PASS + "\n");
    log(lab.resolve("client2.console.log"), CLIENT2_PASS + "\n");
    Result r = run("libvirt", Map.of("LABFORGE_POOL", tmp.resolve("pool").toString()), "check");
    assertThat(r.out).isEqualTo(ROUTER_TABLE + """
        client1: 2 checks, 0 failed
          STATUS CHECK                           DETAIL
          pass   route 10.2.0.0/24 via 10.1.0.1
          skip   ntp                             no clock in a container
        """ + CLIENT2_TABLE);
    assertThat(r.err).isEqualTo("lab.sh: every check of 3 machines passed\n");
    assertThat(r.code).isZero();
  }

  @Test
  void libvirtNamesAFailedCheckAMissingReportAndAMalformedLine() throws Exception {
    Path lab = Files.createDirectories(tmp.resolve("pool/router"));
    log(lab.resolve("router.console.log"), "[    5.1] reached target\nlabforge-check: {\"machine\": \"router\", \"checks\": [\n");
    log(lab.resolve("client1.console.log"), CLIENT1_FAIL + "\n");
    Result r = run("libvirt", Map.of("LABFORGE_POOL", tmp.resolve("pool").toString()), "check");
    assertThat(r.out).isEqualTo("""
        router: malformed report (Expecting value: line 1 column 34 (char 33)): {"machine": "router", "checks": [
        client1: 2 checks, 1 failed
          STATUS CHECK                           DETAIL
          fail   route 10.2.0.0/24 via 10.1.0.1  no such route\\x1b[2J
          skip   ntp                             no clock in a container
        client2: no report: no console log %s/pool/router/client2.console.log (is router-client2 started?)
        """.formatted(tmp));
    assertThat(r.err).isEqualTo("lab.sh: check failed: router (malformed report); "
        + "client1 (route 10.2.0.0/24 via 10.1.0.1); client2 (no report)\n");
    assertThat(r.code).isEqualTo(1);

    // a log with no report line yet; a report of another machine; a line cut short by the end of the log
    log(lab.resolve("client2.console.log"), "Debian GNU/Linux 12 client2 ttyS0\n");
    log(lab.resolve("client1.console.log"), CLIENT2_PASS + "\n");
    log(lab.resolve("router.console.log"), ROUTER_PASS + "\n" + CLIENT1_FAIL.substring(0, 40));
    r = run("libvirt", Map.of("LABFORGE_POOL", tmp.resolve("pool").toString()), "check");
    assertThat(r.out).isEqualTo(ROUTER_TABLE + """
        client1: the report is machine "client2"'s, not client1's
        client2: no report yet: no labforge-check line so far
        """);
    assertThat(r.err).isEqualTo("lab.sh: check failed: client1 (malformed report); client2 (no report)\n");
    assertThat(r.code).isEqualTo(1);
  }

  @Test
  void lxdReadsCheckJsonThroughLxcExecAndUpWaitsForIt() throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.writeString(reports.resolve("router-router"), json(ROUTER_PASS).replace("\"checks\": [", "\"checks\": [\n  ").replace("}, {", "},\n  {"));
    Files.writeString(reports.resolve("router-client1"), json(CLIENT1_FAIL));
    Map<String, String> env = fakeLxc(reports);
    Result r = run("lxd", env, "check");
    assertThat(r.out).isEqualTo(ROUTER_TABLE + """
        client1: 2 checks, 1 failed
          STATUS CHECK                           DETAIL
          fail   route 10.2.0.0/24 via 10.1.0.1  no such route\\x1b[2J
          skip   ntp                             no clock in a container
        client2: no report yet: no labforge-check line so far
        """);
    assertThat(r.code).isEqualTo(1);

    r = run("lxd", env, "up", "--wait", "1");
    assertThat(r.err).endsWith("""
        lab.sh: waiting up to 1 s for every machine's labforge-check report
        lab.sh: no report after 1 s from: client2 (./lab.sh check says why)
        """);
    assertThat(r.code).isEqualTo(1);

    // client2's report appears while up waits: the stand-in writes it at its fourth exec, the second round
    Files.writeString(tmp.resolve("late"), json(CLIENT2_PASS));
    Files.deleteIfExists(tmp.resolve("count"));
    r = run("lxd", env, "up", "--wait");
    assertThat(r.err).matches("""
        (?s).*lab.sh: waiting up to 600 s for every machine's labforge-check report
        lab.sh: every machine has reported after [5-9] s; ./lab.sh check shows the results
        """);
    assertThat(r.code).isZero();
  }

  @Test
  void xenReadsXenconsoledsLog() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("console"));
    log(logs.resolve("guest-router-router.log"), ROUTER_PASS + "\r\n");
    log(logs.resolve("guest-router-client2.log"), CLIENT2_PASS + "\r\n");
    Result r = run("xen", Map.of("LABFORGE_XEN_CONSOLE_LOGS", logs.toString()), "check");
    assertThat(r.out).isEqualTo(ROUTER_TABLE + "client1: no report: no console log " + logs
        + "/guest-router-client1.log (is router-client1 running, and xenconsoled started with --log=guest?)\n"
        + CLIENT2_TABLE);
    assertThat(r.err).isEqualTo("lab.sh: check failed: client1 (no report)\n");
    assertThat(r.code).isEqualTo(1);
  }

  @Test
  void everyLabShDispatchesTheSameWay() throws Exception {
    for (String target : List.of("libvirt", "lxd", "xen")) {
      Result r = run(target, Map.of(), "nope");
      assertThat(r.err).as(target).startsWith("lab.sh: no subcommand 'nope'\nusage:\n  ./lab.sh up ");
      assertThat(r.code).isEqualTo(2);
      r = run(target, Map.of(), "check", "now");
      assertThat(r.err).as(target).startsWith("lab.sh: unexpected argument 'now'\nusage:\n");
      assertThat(r.code).isEqualTo(2);
      r = run(target, Map.of(), "up", "--wait", "soon");
      assertThat(r.err).as(target).startsWith("lab.sh: --wait takes a number of seconds, not 'soon'\nusage:\n");
      assertThat(r.code).isEqualTo(2);
      r = run(target, Map.of(), "help");
      assertThat(r.out).as(target).startsWith("usage:\n  ./lab.sh up ").contains("\n  ./lab.sh check ");
      assertThat(r.code).isZero();
      r = run(target, Map.of(), target.equals("lxd") ? "shell" : "console", "nope");
      assertThat(r.err).as(target).isEqualTo(
          "lab.sh: no machine 'nope' in lab router (machines: router client1 client2)\n");
      assertThat(r.code).isEqualTo(2);
    }
  }

  /** The library of every lab.sh, checked once as the file it is (it claims bash, not POSIX sh: no dash -n). */
  @Test
  void theLibraryIsCleanUnderShellcheckAndBash() throws Exception {
    RealTools.require("shellcheck");
    Path library = Path.of("templates/include/lab-lib.sh");
    Process sc = new ProcessBuilder("shellcheck", "-s", "bash", library.toString()).redirectErrorStream(true).start();
    String output = new String(sc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sc.waitFor()).as(output).isZero();
    assertThat(new ProcessBuilder("bash", "-n", library.toString()).start().waitFor()).isZero();
  }

  /** A stand-in lxc: every instance is running, exec cats the instance's file under REPORTS. */
  private Map<String, String> fakeLxc(Path reports) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    script(bin.resolve("lxd"), "#!/bin/sh\ncat >/dev/null\n");
    script(bin.resolve("lxc"), """
        #!/bin/sh
        case $1 in
          info) printf 'Name: %s\\nStatus: RUNNING\\n' "$2" ;;
          exec)
            n=$(cat "$FAKE/count" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" >"$FAKE/count"
            [ "$n" -lt 4 ] || [ ! -f "$FAKE/late" ] || mv "$FAKE/late" "$REPORTS/router-client2"
            [ "$5" = /var/lib/labforge/check.json ] && exec cat "$REPORTS/$2" ;;
        esac
        """);
    return Map.of("PATH", bin + ":" + System.getenv("PATH"), "REPORTS", reports.toString(), "FAKE", tmp.toString());
  }

  private static String json(String line) {
    return line.substring("labforge-check: ".length()) + "\n";
  }

  private static void log(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Result(int code, String out, String err) {}

  private Result run(String target, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "./lab.sh"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(out.resolve(target).toFile());
    pb.environment().putAll(env);
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), stdout, Files.readString(err));
  }
}
