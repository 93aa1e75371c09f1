package dev.labforge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A pattern error reads as plain words, and the words come from the schema: every pattern of the lab
 * spec's schema is written once, in $defs, beside its message, and used only through $ref.
 */
class PatternMessagesTest {
  static final Path SCHEMA = Path.of("schemas/lab-spec.schema.json");

  @Test
  void everyPatternOfTheLabSpecSchemaHasPlainWords() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    TreeSet<String> patterns = new TreeSet<>();
    collect(schema, patterns);
    assertThat(patterns).isNotEmpty();
    PatternMessages words = PatternMessages.of(schema);
    assertThat(words.known())
        .as("give these patterns of %s an %s in their $defs entry", SCHEMA, PatternMessages.MESSAGE)
        .containsAll(patterns);
    for (String pattern : patterns) {
      assertThat(words.describe(pattern, "x y")).doesNotContain(pattern).doesNotContain("[").doesNotContain("^");
    }
  }

  @Test
  void aPatternIsWrittenOnceInDefsBesideItsMessage() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    List<String> outside = new ArrayList<>();
    schema.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("$defs")) {
        where(e.getValue(), "/" + e.getKey(), outside);
      }
    });
    schema.path("$defs").fields().forEachRemaining(def -> {
      JsonNode entry = def.getValue();
      if (entry.has("pattern") || entry.has(PatternMessages.MESSAGE)) {
        assertThat(entry.path(PatternMessages.MESSAGE).isTextual()).as("$defs/%s has its words", def.getKey()).isTrue();
        assertThat(entry.path("pattern").isTextual()).as("$defs/%s has a pattern", def.getKey()).isTrue();
      } else {
        entry.fields().forEachRemaining(e -> where(e.getValue(), "/$defs/" + def.getKey() + "/" + e.getKey(), outside));
      }
    });
    assertThat(outside).as("patterns outside a $defs entry of their own (refer to one with $ref)").isEmpty();
    assertThat(schema.path("$defs").fieldNames()).toIterable().containsAll(PatternMessages.SUGGESTIONS.keySet());
  }

  @Test
  void aSizeIsTheOnePatternThatSuggests() throws Exception {
    PatternMessages words = PatternMessages.of(new ObjectMapper().readTree(SCHEMA.toFile()));
    String size = new ObjectMapper().readTree(SCHEMA.toFile()).at("/$defs/size/pattern").asText();
    assertThat(words.describe(size, "2GB"))
        .isEqualTo("is not a size such as 512MiB, 2GiB or 1TiB (a bare integer is MiB); did you mean '2GiB'?");
    assertThat(words.describe("^x$", "y")).isEqualTo("does not match the pattern ^x$");
  }

  private static void where(JsonNode node, String at, List<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("pattern")) {
          into.add(at);
        } else {
          where(e.getValue(), at + "/" + e.getKey(), into);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        where(node.get(i), at + "/" + i, into);
      }
    }
  }

  @Test
  void aSizeWithAnotherToolsUnitSuggestsOurs() {
    Map.of("1GB", "1GiB", "2 gb", "2GiB", "512M", "512MiB", "1.5Gi", "1.5GiB", "1TB", "1TiB", "1048576KB", "1024MiB",
            "4096", "4096MiB")
        .forEach((written, meant) ->
            assertThat(PatternMessages.meantSize(written)).isEqualTo("; did you mean '" + meant + "'?"));
    assertThat(PatternMessages.meantSize("1000KB")).isEmpty();
    assertThat(PatternMessages.meantSize("lots")).isEmpty();
  }

  private static void collect(JsonNode node, TreeSet<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("pattern") && e.getValue().isTextual()) {
          into.add(e.getValue().asText());
        } else {
          collect(e.getValue(), into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, into));
    }
  }
}
