package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/lab-spec.md names every key the spec schema knows, so a new key cannot go undocumented. */
class DocsTest {
  @Test
  void labSpecDocsMentionEveryKey() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/lab-spec.schema.json").toFile());
    Set<String> keys = new TreeSet<>();
    collect(schema, keys);
    String docs = Files.readString(Path.of("docs/lab-spec.md"));
    assertThat(keys).allSatisfy(key -> assertThat(docs).as("docs/lab-spec.md mentions `%s`", key)
        .containsPattern("`([a-z-]+\\.)?" + java.util.regex.Pattern.quote(key) + "[`.]"));
  }

  private static void collect(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      node.path("properties").fieldNames().forEachRemaining(keys::add);
      node.forEach(child -> collect(child, keys));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, keys));
    }
  }
}
