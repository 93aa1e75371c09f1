package dev.labforge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A pattern error reads as plain words: every pattern of the lab spec's schema has them. */
class PatternMessagesTest {
  static final Path SCHEMA = Path.of("schemas/lab-spec.schema.json");

  @Test
  void everyPatternOfTheLabSpecSchemaHasPlainWords() throws Exception {
    TreeSet<String> patterns = new TreeSet<>();
    collect(new ObjectMapper().readTree(SCHEMA.toFile()), patterns);
    assertThat(patterns).isNotEmpty();
    assertThat(PatternMessages.known())
        .as("add plain words for these patterns of %s to PatternMessages", SCHEMA)
        .containsAll(patterns);
    for (String pattern : patterns) {
      assertThat(PatternMessages.describe(pattern, "x y")).doesNotContain(pattern).doesNotContain("[").doesNotContain("^");
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
