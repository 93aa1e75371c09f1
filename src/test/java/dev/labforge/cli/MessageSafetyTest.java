package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User text on stderr cannot start a line: a line break or a bidirectional control in a file
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
}
