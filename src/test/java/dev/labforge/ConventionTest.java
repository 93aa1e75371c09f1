package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.render.RenderedFile;
import dev.labforge.target.Target;
import dev.labforge.target.Targets;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What adding a target means: its class, its templates, its schemas, its golden output. */
class ConventionTest {
  static final Path TEMPLATES = Path.of("templates");
  static final Path SCHEMAS = Path.of("schemas");

  @Test
  void everyTargetHasTemplatesSchemasAndGoldenOutput() throws IOException {
    assertThat(new HashSet<>(Targets.ids())).hasSameSizeAs(Targets.ids());
    for (Target target : Targets.ALL) {
      String id = target.id();
      assertThat(files(TEMPLATES.resolve(id), ".ftl")).as("templates/%s/*.ftl", id).isNotEmpty();
      assertThat(files(SCHEMAS.resolve(id), ".schema.json")).as("schemas/%s/*.schema.json", id).isNotEmpty();
      for (Path spec : Specs.examples()) {
        Path golden = GoldenTest.GOLDEN.resolve(Specs.id(spec)).resolve(id);
        assertThat(golden).as("golden output of %s for %s", id, spec).isDirectory();
      }
    }
  }

  @Test
  void everyTemplateIsUsedAndEveryTemplatedFileNamesAnExistingTemplate() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path spec : Specs.all()) {
      for (RenderedFile file : Specs.render(spec)) {
        if (file.origin().startsWith("templates/")) {
          assertThat(Path.of(file.origin())).as("origin of %s", file.path()).isRegularFile();
          used.add(file.origin());
        }
      }
    }
    List<String> all = new ArrayList<>();
    for (Path template : files(TEMPLATES, ".ftl")) {
      all.add(template.toString().replace('\\', '/'));
    }
    assertThat(used).as("templates used by some spec").containsExactlyInAnyOrderElementsOf(
        all.stream().filter(t -> !t.contains("/include/")).toList());
  }

  @Test
  void schemaIndexListsExactlyThePackedSchemas() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    for (Path schema : files(SCHEMAS, ".schema.json")) {
      String name = SCHEMAS.relativize(schema).toString().replace('\\', '/');
      onDisk.add(name.substring(0, name.length() - ".schema.json".length()));
    }
    onDisk.remove("lab-spec");
    Set<String> indexed = new TreeSet<>(Files.readAllLines(SCHEMAS.resolve("index.txt")));
    indexed.removeIf(String::isBlank);
    assertThat(indexed).isEqualTo(onDisk);
  }

  @Test
  void everySchemaPropertyIsDocumented() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path schema : files(SCHEMAS, ".schema.json")) {
      JsonNode root = new ObjectMapper().readTree(schema.toFile());
      assertThat(root.path("$schema").asText()).as("%s dialect", schema)
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      walk(root, schema + "#", missing);
    }
    assertThat(missing).as("properties without a description").isEmpty();
  }

  private static void walk(JsonNode node, String at, List<String> missing) {
    if (!node.isObject()) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      properties.fields().forEachRemaining(e -> {
        JsonNode p = e.getValue();
        if (!p.has("description") && !p.has("$ref")) {
          missing.add(at + "/properties/" + e.getKey());
        }
      });
    }
    node.fields().forEachRemaining(e -> {
      if (e.getKey().equals("if")) {
        return; // a condition's properties are tests, not keys a user writes
      }
      if (e.getValue().isObject()) {
        walk(e.getValue(), at + "/" + e.getKey(), missing);
      } else if (e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          walk(e.getValue().get(i), at + "/" + e.getKey() + "/" + i, missing);
        }
      }
    });
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
