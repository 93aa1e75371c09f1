package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import dev.labforge.targets.cloudinit.SeedCheckScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our schemas against cloud-init's own verdicts. Each file in cloud-init-rejects/ is
 * {@code <kind>--<case>} with a {@code .expected} file: line 1 is a piece of cloud-init's error,
 * line 2 the JSON pointer where our schema must object. Files in cloud-init-accepts/ must pass both.
 */
class SchemaCorpusTest {
  static final Path REJECTS = Path.of("src/test/resources/cloud-init-rejects");
  static final Path ACCEPTS = Path.of("src/test/resources/cloud-init-accepts");

  @TestFactory
  Stream<DynamicTest> ourSchemaRejectsEachCaseWhereExpected() throws IOException {
    return cases(REJECTS).map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
      List<String> expected = Files.readAllLines(expectedFile(c));
      assertThat(expected).as("expected file has cloud-init's message and our pointer").hasSize(2);
      assertThat(ours(c)).as("our verdict on " + c).isEqualTo("rejected at " + expected.get(1));
    }));
  }

  @TestFactory
  Stream<DynamicTest> cloudInitRejectsEachCase() throws IOException {
    return cases(REJECTS).map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
      RealTools.require(SeedCheckScript.PYTHON, "cloud-init");
      JsonNode verdict = SeedCheckScript.run(Tools.system(), 120, "reject", kind(c), c.toAbsolutePath().toString());
      assertThat(verdict.path("rejected").asBoolean()).as("cloud-init rejects " + c).isTrue();
      assertThat(verdict.path("message").asText()).contains(Files.readAllLines(expectedFile(c)).get(0));
    }));
  }

  @TestFactory
  Stream<DynamicTest> controlsPassBoth() throws IOException {
    return cases(ACCEPTS).map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
      assertThat(ours(c)).isEqualTo("accepted");
      RealTools.require(SeedCheckScript.PYTHON, "cloud-init");
      JsonNode verdict = SeedCheckScript.run(Tools.system(), 120, "reject", kind(c), c.toAbsolutePath().toString());
      assertThat(verdict.path("rejected").asBoolean()).as(verdict.toString()).isFalse();
    }));
  }

  /** "accepted", "rejected at POINTER" (first schema problem) or "rejected at parse". */
  static String ours(Path file) throws IOException {
    String name = file.getFileName().toString();
    Format format = name.endsWith(".json") ? Formats.JSON : Formats.YAML;
    RenderedFile rendered = new RenderedFile(name, Files.readAllBytes(file), "corpus", format,
        CloudInitTarget.schema(kind(file)));
    JsonNode tree;
    try {
      tree = rendered.format().parse(rendered);
    } catch (RenderException e) {
      return "rejected at parse";
    }
    List<SchemaValidator.Problem> problems = SchemaValidator.validate(rendered.schema(), tree);
    return problems.isEmpty() ? "accepted" : "rejected at " + problems.get(0).pointer();
  }

  static String kind(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.indexOf("--"));
  }

  private static Path expectedFile(Path c) {
    return c.resolveSibling(c.getFileName() + ".expected");
  }

  private static Stream<Path> cases(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.toString().endsWith(".expected")).sorted().toList().stream();
    }
  }
}
