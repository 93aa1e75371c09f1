package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus: each {@code invalid/<case>.yaml|json} must exit 1 with exactly the stderr
 * in {@code <case>.err} and nothing on stdout, from both validate and gen. A new case is two files.
 * {@code -Dgolden.update=true} rewrites the .err files; review them like golden output.
 */
class InvalidSpecTest {
  static final Path CORPUS = Path.of("src/test/resources/invalid");

  @TestFactory
  Stream<DynamicTest> everyInvalidSpecFailsWithItsExactMessages() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> !p.toString().endsWith(".err")).sorted().toList().stream()
          .map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> check(spec)));
    }
  }

  private static void check(Path spec) throws IOException {
    String name = spec.getFileName().toString();
    Path expectedFile = CORPUS.resolve(name.substring(0, name.lastIndexOf('.')) + ".err");
    Cli.Result validate = Cli.run("validate", spec.toString());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, validate.err(), StandardCharsets.UTF_8);
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    assertThat(validate.code()).as("exit code of validate %s", spec).isEqualTo(ExitCodes.INVALID);
    assertThat(validate.out()).as("stdout").isEmpty();
    assertThat(validate.err()).as("stderr of validate %s (update with -Dgolden.update=true)", spec)
        .isEqualTo(expected);
    assertThat(validate.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(validate.err()).as("a pattern error in plain words, never the regex").doesNotContain("regex");

    Cli.Result gen = Cli.run("gen", spec.toString(), "-o", "target/never-written");
    assertThat(gen.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(gen.err()).isEqualTo(expected);
    assertThat(Path.of("target/never-written")).doesNotExist();
  }
}
