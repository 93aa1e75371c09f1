package dev.labforge;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.cli.Cli;
import dev.labforge.cli.ExitCodes;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RandomSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

class SpecPropertiesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final Path dir;

  SpecPropertiesTest() throws Exception {
    dir = Files.createTempDirectory("labforge-props");
  }

  @AfterProperty
  void cleanUp() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> specs() {
    return RandomSpecs.specs();
  }

  @Property(tries = 60)
  void everyValidGeneratedSpecPassesValidation(@ForAll("specs") Map<String, Object> spec) throws Exception {
    Path file = Files.write(dir.resolve("spec.json"), JSON.writeValueAsBytes(spec));
    Cli.Result r = Cli.run("validate", file.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Property(tries = 40)
  void generationIsDeterministic(@ForAll("specs") Map<String, Object> spec) throws Exception {
    byte[] bytes = JSON.writeValueAsBytes(spec);
    SpecInput input = new SpecInput("spec.json", bytes, dir);
    Lab first = Rendered.load(input);
    List<RenderedFile> a = Rendered.all(first, input, List.of());
    List<RenderedFile> b = Rendered.all(Rendered.load(new SpecInput("spec.json", bytes.clone(), dir)), input, List.of());
    assertThat(Rendered.load(input)).isEqualTo(first);
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).path()).isEqualTo(a.get(i).path());
      assertThat(b.get(i).content()).as(a.get(i).path()).isEqualTo(a.get(i).content());
    }
  }

  @Provide
  Arbitrary<String> mutatedExamples() {
    Arbitrary<String> example = Arbitraries.of("lpic3-351", "lpic3-352", "lpic3-353").map(name -> {
      try {
        return Files.readString(Path.of("examples", name + ".yaml"), StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return Arbitraries.lazy(() -> example.flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
        .list().ofMinSize(1).ofMaxSize(4)
        .flatMap(positions -> Arbitraries.of("", ":", " ", "\n", "-", "[", "{", "\"", "*a", "&a", "0", "999999999999",
            "\t", "!!binary ", "null", "~", "---\n", "256", "10.0.0.1", "/", "..", "é").list().ofSize(positions.size())
            .map(inserts -> mutate(text, positions, inserts)))));
  }

  static String mutate(String text, List<Integer> positions, List<String> inserts) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i < positions.size(); i++) {
      int at = Math.min(positions.get(i), s.length() - 1);
      s.replace(at, at + 1, inserts.get(i));
    }
    return s.toString();
  }

  @Property(tries = 300)
  void mutatedSpecsGiveExitOneWithMessagesAndNeverAnException(@ForAll("mutatedExamples") String text) throws Exception {
    Path file = Files.writeString(dir.resolve("m.yaml"), text, StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("scripts"));
    Files.copy(Path.of("examples/scripts/storage.sh"), dir.resolve("scripts/storage.sh"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Cli.Result r = Cli.run("validate", file.toString());
    assertThat(r.code()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.INVALID);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("internal error");
    if (r.code() == ExitCodes.INVALID) {
      assertThat(r.err()).matches("(?s).*\\n\\d+ errors?\\n");
    }
  }
}
