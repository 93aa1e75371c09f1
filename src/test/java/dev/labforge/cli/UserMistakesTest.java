package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a user makes give exit 1 (or 2) with a located message: never exit 3, never a stack trace. */
class UserMistakesTest {
  static final String SPEC = String.join("\n",
      "version: 1",
      "name: mistakes",
      "images:",
      "  deb:",
      "    os: debian",
      "    release: \"12\"",
      "    source: { url: \"https://example.org/x.qcow2\", format: qcow2 }",
      "networks: [{ name: n, cidr: 10.9.0.0/24 }]",
      "machines: [{ name: m, image: deb }]",
      "");

  @TempDir
  Path tmp;

  private Cli.Result validate(String text) throws IOException {
    Path spec = tmp.resolve("lab.yaml");
    Files.writeString(spec, text);
    return Cli.run("validate", spec.toString());
  }

  private static void assertUserError(Cli.Result r, String... expected) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains(expected).doesNotContain("Exception", "internal error", "\tat ");
  }

  @Test
  void theSpecIsValidAsWritten() throws IOException {
    Cli.Result r = validate(SPEC);
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void infiniteAndNotANumberAreLocatedErrors() throws IOException {
    for (String value : new String[] {".inf", "-.inf", ".nan", "1e400"}) {
      assertUserError(validate(SPEC.replace("version: 1", "version: " + value)), "lab.yaml:1:10: error: /version:",
          "'" + value + (value.startsWith("1") ? "' is too large a number" : "' is not a finite number"));
      assertUserError(validate(SPEC.replace("name: m, image: deb", "name: m, image: deb, cpus: " + value)),
          "/machines/0/cpus");
    }
  }

  @Test
  void anAliasInsideItselfIsALocatedError() throws IOException {
    assertUserError(validate(SPEC + "x: &a [*a]\n"), "an alias refers to a node that contains it");
    assertUserError(validate(SPEC + "y: &b {k: *b}\n"), "an alias refers to a node that contains it");
  }

  @Test
  void anEndlessOrOversizedSpecIsRefusedByItsSizeBeforeItIsRead() throws IOException {
    assertUserError(Cli.run("validate", "/dev/zero"), "the spec is larger than the limit of 4194304 bytes");
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(8L << 30); // 8 GiB, sparse
    }
    assertUserError(Cli.run("validate", big.toString()), "larger than the limit");
  }

  @Test
  void aHugeSparseScriptIsRefusedByItsSize() throws IOException {
    Files.createDirectories(tmp.resolve("scripts"));
    try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("scripts/huge.sh").toFile(), "rw")) {
      f.setLength(64L << 30);
    }
    Cli.Result r = validate(SPEC.replace("name: m, image: deb", "name: m, image: deb, scripts: [{name: s, path: scripts/huge.sh}]"));
    assertUserError(r, "/machines/0/scripts/0", "larger than");
  }

  @Test
  void aFolderAsTheSpecIsNamed() {
    assertUserError(Cli.run("gen", tmp.toString(), "-o", tmp.resolve("out").toString()),
        tmp + ": is a folder; give the spec file");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void dashReadsTheSpecFromStandardInput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
        new PrintWriter(err), "validate", "-");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("<stdin>: ok: lab 'mistakes'");
  }

  @Test
  void aValueEndingInANewlineNeverPassesAPattern() throws IOException {
    assertUserError(validate(SPEC.replace("name: m, image: deb", "name: m, image: deb, packages: [\"curl\\n\", reboot]")),
        "/machines/0/packages/0");
    // names that used to pass their pattern and then break an output (exit 3)
    assertUserError(validate(SPEC.replace("name: mistakes", "name: \"mistakes\\n\"")), "/name");
    assertUserError(validate(SPEC.replace("name: m,", "name: \"m\\n\",")), "/machines/0/name");
    assertUserError(validate(SPEC.replace("release: \"12\"", "release: \"12\\n\"")), "/images/deb/release");
    assertUserError(validate(SPEC.replace("  deb:", "  \"deb\\n\":").replace("image: deb", "image: \"deb\\n\"")),
        "/images");
  }

  @Test
  void terminalControlCharactersInEchoedTextAreShownEscaped() throws IOException {
    Cli.Result r = validate(SPEC.replace("name: m, image: deb", "name: \"m\\e[2J\\a\\x9b\", image: deb"));
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).doesNotContain("\u001b", "\u0007", "\u009b").contains("\\x1b[2J\\x07\\u009b");
    Cli.Result target = Cli.run("gen", "-t", "\u001b]0;owned\u0007", "-o", tmp.toString());
    assertThat(target.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(target.err()).doesNotContain("\u001b", "\u0007").contains("\\x1b]0;owned\\x07");
  }

  @Test
  void fileContentOverItsLimitIsALocatedErrorNamingTheLimit() throws IOException {
    String big = "x".repeat(1024 * 1024 + 1);
    Cli.Result r = validate(SPEC.replace("name: m, image: deb",
        "name: m, image: deb, files: [{ path: /big, content: " + big + " }]"));
    assertUserError(r, "lab.yaml:9:", "/machines/0/files/0/content: must be at most 1048576 characters");
    // the 1 MiB source line is shown as a window around the column, the caret under it
    String[] lines = r.err().split("\n");
    assertThat(lines[1]).startsWith("machines: [{ name: m, image: deb, files: [{ path: /big, content: xxx").endsWith("...")
        .hasSizeLessThan(210);
    assertThat(lines[2]).isEqualTo(" ".repeat(lines[1].indexOf("content: ") + 9) + "^");
  }

  @Test
  void aLabWideFileOverTheOutputLimitIsExitOneNamingFileSizeAndLimit() throws IOException {
    // 70 machines with 1 MiB each: every per-machine file stays small, the lab-wide ones do not
    String full = "x".repeat(1024 * 1024);
    Path spec = tmp.resolve("lab.yaml");
    Files.writeString(spec, SPEC.replace("name: m, image: deb",
        "name: m, image: deb, count: 70, files: [{ path: /big, content: " + full + " }]"));
    Cli.Result r = Cli.run("gen", spec.toString(), "-o", tmp.resolve("out").toString());
    assertUserError(r, "the rendered file ", " bytes, over labforge's output limit of 67108864 bytes per file");
    assertThat(tmp.resolve("out/mistakes")).doesNotExist();
  }
}
