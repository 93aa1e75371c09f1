package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Targets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's small promises, each with its exact output. */
class CliRoughEdgesTest {
  @TempDir
  Path tmp;

  @Test
  void genHelpDashHAndHelpGenPrintTheSameHelpOnStdout() {
    Cli.Result help = Cli.run("gen", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out()).startsWith("Usage: labforge gen [-hqV] [--check] [--diff] [--verbose] [-o=DIR]\n"
        + "                    [--templates=DIR] [-t=TARGET[,TARGET...]]... [SPEC]\n"
        + "Validate, render, validate the outputs, write DIR/<lab>/.\n");
    assertThat(help.out()).contains("      --diff            Like --check, and print a unified diff of each\n");
    assertThat(Cli.run("gen", "-h")).isEqualTo(help);
    assertThat(Cli.run("help", "gen")).isEqualTo(help);
    for (String command : List.of("validate", "show", "init", "schema", "check", "completion")) {
      Cli.Result r = Cli.run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: labforge " + command + " [-hV]");
      assertThat(Cli.run("help", command)).as("help " + command).isEqualTo(r);
    }
  }

  @Test
  void aMistypedTargetGetsASuggestion() {
    Cli.Result r = Cli.run("gen", "-t", "vagrnat", "-o", tmp.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("labforge: unknown target 'vagrnat'; did you mean 'vagrant'? Known: "
        + String.join(", ", Targets.ids()) + "\n");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void checkSaysMissingChangedAndExtraPerFileAndDiffIsAPatch() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-q", "-o", out.toString()).code()).isZero();
    Path lab = out.resolve("lpic3-353");
    Files.delete(lab.resolve("inventory/hosts"));
    String ssh = Files.readString(lab.resolve("inventory/ssh_config"));
    Files.writeString(lab.resolve("inventory/ssh_config"), ssh.replace("  User lab\n", "  User root\n"));
    Files.writeString(lab.resolve("inventory/topology.dot"), "no newline", StandardCharsets.UTF_8);

    Cli.Result r = Cli.run("gen", "--check", "-o", out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(lab.resolve("inventory/hosts") + ": missing\n"
        + lab.resolve("inventory/ssh_config") + ": changed\n"
        + lab.resolve("inventory/topology.dot") + ": changed\n"
        + "3 files out of date; run labforge gen to update " + lab + "\n");

    Cli.Result d = Cli.run("gen", "--diff", "-o", out.toString());
    assertThat(d.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(d.err()).isEqualTo(r.err());
    assertThat(d.out()).startsWith("--- /dev/null\n+++ " + lab.resolve("inventory/hosts") + "\n@@ -0,0 +1,6 @@\n"
        + "+# labforge: lab lpic3-353: lines for /etc/hosts");
    assertThat(d.out()).contains("--- " + lab.resolve("inventory/ssh_config") + "\n+++ "
        + lab.resolve("inventory/ssh_config") + "\n@@ -7,17 +7,17 @@\n \n Host cloud\n   HostName 192.168.56.10\n"
        + "-  User root\n+  User lab\n");
    assertThat(d.out()).contains("@@ -1 +1,14 @@\n-no newline\n\\ No newline at end of file\n+");
    assertThat(lab.resolve("inventory/hosts")).as("--diff writes nothing").doesNotExist();

    // The diff is what GNU patch applies: afterwards the tree is what gen writes.
    Path patch = tmp.resolve("tree.diff");
    Files.writeString(patch, d.out());
    Process p = new ProcessBuilder("patch", "-s", "-d", "/", "-p1", "-i", patch.toString())
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(said).isZero();
    Cli.Result after = Cli.run("gen", "--check", "-o", out.toString());
    assertThat(after.code()).as(after.err()).isZero();
  }

  /** The README's command, as written, with a relative -o: the diff names files absolutely. */
  @Test
  void diffWithARelativeOutputFolderIsAPatchFromAnywhere() throws Exception {
    Path out = Path.of("").toAbsolutePath().relativize(tmp.resolve("out"));
    assertThat(out.isAbsolute()).isFalse();
    assertThat(Cli.run("gen", "-q", "-o", out.toString()).code()).isZero();
    Path hosts = tmp.resolve("out/lpic3-353/inventory/hosts");
    String before = Files.readString(hosts);
    Files.writeString(hosts, "edited\n");
    Cli.Result d = Cli.run("gen", "--diff", "-o", out.toString());
    assertThat(d.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(d.out()).startsWith("--- " + hosts + "\n+++ " + hosts + "\n");
    Path patch = tmp.resolve("tree.diff");
    Files.writeString(patch, d.out());
    Process p = new ProcessBuilder("patch", "-s", "-p1", "-d", "/", "-i", patch.toString())
        .directory(tmp.toFile()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(said).isZero();
    assertThat(Files.readString(hosts)).isEqualTo(before);
  }

  @Test
  void genEndsWithNextStepsPerTargetOnStderrUnlessQuiet() {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("gen", "-t", "vagrant,inventory", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path lab = out.resolve("lpic3-353");
    assertThat(r.err()).isEqualTo("\nNext steps:\n"
        + "  vagrant: bring the machines up (docs/targets/vagrant.md):\n"
        + "    cd " + lab + "/vagrant && vagrant up --provider=libvirt\n"
        + "  inventory: reach the machines by name, and see the lab (docs/targets/inventory.md):\n"
        + "    ssh -F " + lab + "/inventory/ssh_config cloud\n"
        + "    ansible -i " + lab + "/inventory/ansible.yml all -m ping\n"
        + "    xdg-open " + lab + "/inventory/topology.svg\n");
    Cli.Result quiet = Cli.run("gen", "-q", "-t", "vagrant,inventory", "-o", out.toString());
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEqualTo(r.out());
  }

  @Test
  void everyTargetHasNextSteps() {
    Cli.Result r = Cli.run("gen", "-o", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String id : Targets.ids()) {
      assertThat(r.err()).contains("\n  " + id + ": ");
    }
    assertThat(r.err()).contains("    packer init debian-12.pkr.hcl && packer build debian-12.pkr.hcl\n");
  }

  @Test
  void aPathWithASpaceIsQuotedInTheNextSteps() {
    Path out = tmp.resolve("my labs");
    Cli.Result r = Cli.run("gen", "-t", "lxd", "-o", out.toString());
    assertThat(r.err()).contains("    cd '" + out.resolve("lpic3-353") + "'/lxd && bash lab.sh up\n");
  }

  @Test
  void aValidSpecNobodyCanLogInToGetsLocatedWarningsAndExitsZero() throws IOException {
    Path spec = tmp.resolve("nologin.yaml");
    Files.writeString(spec, String.join("\n",
        "version: 1",
        "name: nologin",
        "defaults:",
        "  image: debian-12",
        "  users: [{name: ops, sudo: true}]",
        "images:",
        "  debian-12:",
        "    os: debian",
        "    release: \"12\"",
        "    source: {url: \"https://example.org/d.qcow2\", checksum: none, format: qcow2}",
        "networks:",
        "  - {name: lab, cidr: 10.0.0.0/24}",
        "machines:",
        "  - name: a",
        "    users: [{name: lab}]",
        "  - name: b",
        "  - name: c",
        "    users: []",
        ""));
    Cli.Result r = Cli.run("validate", spec.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(spec + ": ok: lab 'nologin', 3 machines, 1 network, 1 image\n");
    assertThat(r.err()).isEqualTo(spec + ":5:3: warning: /defaults/users: no user here has an SSH key or a password:"
        + " nobody can log in to machine 'b'\n"
        + "  users: [{name: ops, sudo: true}]\n"
        + "  ^\n"
        + spec + ":7:3: warning: /images/debian-12: Packer logs in as 'lab' (the first user of the first machine"
        + " that boots this image), who has neither an SSH key nor a password: the qemu build cannot log in\n"
        + "  debian-12:\n"
        + "  ^\n"
        + spec + ":15:5: warning: /machines/0/users: no user of machine 'a' has an SSH key or a password:"
        + " nobody can log in\n"
        + "    users: [{name: lab}]\n"
        + "    ^\n"
        + spec + ":18:5: warning: /machines/2/users: machine 'c' has an empty user list: the image's"
        + " default user gets no SSH key or password, so nobody can log in\n"
        + "    users: []\n"
        + "    ^\n"
        + "4 warnings\n");
    Cli.Result gen = Cli.run("gen", "-q", spec.toString(), "-o", tmp.resolve("out").toString());
    assertThat(gen.code()).isZero();
    assertThat(gen.err()).isEqualTo(r.err());
  }

  @Test
  void theExamplesGetNoWarnings() {
    for (String example : dev.labforge.SpecInput.EXAMPLES) {
      Cli.Result r = Cli.run("validate", "examples/" + example + ".yaml");
      assertThat(r.err()).as(example).isEmpty();
    }
  }

  @Test
  void bashCompletesTargetsExamplesSchemaNamesAndCommands() throws Exception {
    Path script = tmp.resolve("labforge.bash");
    Files.writeString(script, Cli.run("completion").out());
    assertThat(complete(script, "labforge gen -t vag")).isEqualTo("vagrant");
    assertThat(complete(script, "labforge gen -t l")).isEqualTo("libvirt lxd lxc");
    assertThat(complete(script, "labforge init --example lpic3-35")).isEqualTo("lpic3-351 lpic3-352 lpic3-353");
    assertThat(complete(script, "labforge schema cloud-init/u")).isEqualTo("cloud-init/user-data");
    assertThat(complete(script, "labforge schema ma")).isEqualTo("manifest");
    assertThat(complete(script, "labforge help ge")).isEqualTo("gen");
    assertThat(complete(script, "labforge gen --di")).isEqualTo("--diff");
  }

  @Test
  void diagnosticsAreColouredOnlyOnATerminalAndNeverWithNoColor() throws IOException {
    Path spec = tmp.resolve("bad.yaml");
    Files.createDirectories(tmp.resolve("scripts"));
    Files.copy(Path.of("examples/scripts/storage.sh"), tmp.resolve("scripts/storage.sh"));
    Files.writeString(spec, Files.readString(Path.of("examples/lpic3-353.yaml")).replace("name: lpic3-353", "name: Bad"));
    int line = Files.readAllLines(spec).indexOf("name: Bad") + 1;
    String plain = coloured(Map.of(), false, spec);
    assertThat(plain).doesNotContain("\u001b");
    assertThat(plain).startsWith(spec + ":" + line + ":7: error: /name: ").endsWith("\n1 error\n");
    assertThat(coloured(Map.of("NO_COLOR", ""), true, spec)).isEqualTo(plain);
    assertThat(coloured(Map.of("NO_COLOR", "1", "TERM", "xterm"), true, spec)).isEqualTo(plain);
    assertThat(coloured(Map.of("TERM", "dumb"), true, spec)).isEqualTo(plain);
    String colour = coloured(Map.of("TERM", "xterm-256color"), true, spec);
    assertThat(colour).startsWith("\u001b[1m" + spec + ":" + line + ":7: \u001b[0m\u001b[1;31merror:\u001b[0m /name: ");
    assertThat(colour).contains("\nname: Bad\n\u001b[1;32m      ^\u001b[0m\n");
    assertThat(colour.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void userTextCannotPaintOrEscapeEvenWhenColourIsOn() throws IOException {
    // a raw ESC sequence and labforge's own colour mark, written by the user into a value
    Path spec = tmp.resolve("bad.yaml");
    Files.writeString(spec, "version: 1\nname: \"x\\e[2J\\uFDD01;31\\uFDD1y\"\n");
    String colour = coloured(Map.of("TERM", "xterm"), true, spec);
    assertThat(colour.replaceAll("\u001b\\[(1|0|1;31|1;32)m", "")).doesNotContain("\u001b", "\ufdd0", "\ufdd1")
        .contains("x\\x1b[2J\\ufdd01;31\\ufdd1y");
    String plain = coloured(Map.of(), false, spec);
    assertThat(plain).doesNotContain("\u001b", "\ufdd0").contains("x\\x1b[2J\\ufdd01;31\\ufdd1y");
  }

  @Test
  void colourIsForATerminalWithoutNoColorOrADumbTerm() {
    assertThat(Colour.wanted(Map.of(), true)).isTrue();
    assertThat(Colour.wanted(Map.of("TERM", "xterm"), true)).isTrue();
    assertThat(Colour.wanted(Map.of(), false)).as("piped").isFalse();
    assertThat(Colour.wanted(Map.of("NO_COLOR", ""), true)).isFalse();
    assertThat(Colour.wanted(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Colour.wanted(Map.of("TERM", "dumb"), true)).isFalse();
  }

  @Test
  void stderrRedirectedToAFileIsNoTerminal() throws Exception {
    // This JVM's fd 2 under surefire is a pipe or a file, never a terminal.
    assertThat(Colour.stderrIsTerminal()).isFalse();
  }

  private static String coloured(Map<String, String> env, boolean terminal, Path spec) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.run(env, terminal, new java.io.PrintWriter(out), new java.io.PrintWriter(err), "validate",
        spec.toString());
    assertThat(code).isEqualTo(ExitCodes.INVALID);
    return err.toString();
  }

  /** What bash's completion function offers for {@code line} (the cursor at its end). */
  private static String complete(Path script, String line) throws Exception {
    String program = "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
        + " COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; _complete_labforge 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), line).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
