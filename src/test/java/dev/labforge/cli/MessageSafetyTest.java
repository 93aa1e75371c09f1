package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User text on stderr or stdout cannot start a line: a line break or a bidirectional control in a file
 * name, an argument or a spec's key is printed as an escape (the corpus case
 * invalid/message-control-characters holds the spec's side).
 */
class MessageSafetyTest {
  static final String SPEC = "version: 1\nname: x\n";

  @Test
  void aSpecsFileNameIsPrintedOnItsOwnLineEscaped(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("lab\nok: lab 'x'\u202e.yaml"), SPEC);
    Cli.Result r = Cli.run("validate", spec.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    String shown = dir + "/lab\\nok: lab 'x'\\u202e.yaml";
    assertThat(r.err()).startsWith(shown + ":1:1: error: missing required key 'images'\nversion: 1\n^\n");
    assertThat(r.err().lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("ok: "));
  }

  @Test
  void aMissingFileOrAnUnknownOptionIsOneLine(@TempDir Path dir) {
    Cli.Result missing = Cli.run("validate", dir.resolve("no\nlabforge: fine\u2028.yaml").toString());
    assertThat(missing.err()).isEqualTo("labforge: " + dir + "/no\\nlabforge: fine\\u2028.yaml: no such file\n");
    Cli.Result option = Cli.run("validate", "--bogus\rx\u202e");
    assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err()).startsWith("labforge: Unknown option: '--bogus\\rx\\u202e'\nUsage: labforge validate");
  }

  /** stdout echoes paths (validate's ok, gen's file list) and spec text (show): one line each. */
  @Test
  void stdoutEchoesUserTextOnItsOwnLineEscaped(@TempDir Path dir) throws Exception {
    Path spec = Files.copy(Path.of("examples/router.yaml"), dir.resolve("r\nlabforge: FAKE\u202e.yaml"));
    Cli.Result ok = Cli.run("validate", spec.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEqualTo(dir + "/r\\nlabforge: FAKE\\u202e.yaml: ok: lab 'router', 3 machines, 3 networks, 1 image\n");
    Path out = dir.resolve("o\nlabforge: FAKE\u2066");
    Cli.Result gen = Cli.run("gen", "-q", "-t", "inventory", spec.toString(), "-o", out.toString());
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(gen.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
        .startsWith(dir + "/o\\nlabforge: FAKE\\u2066/router/"));
    Path described = Files.writeString(dir.resolve("d.yaml"), Files.readString(Path.of("examples/router.yaml"))
        .replace("description: Two LANs and a router between them, with a client on each side",
            "description: \"Two\\u202e LANs and a router\""));
    Cli.Result show = Cli.run("show", described.toString());
    assertThat(show.out()).startsWith("lab router: Two\\u202e LANs and a router");
  }
}
