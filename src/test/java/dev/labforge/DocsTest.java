package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        .containsPattern("`([a-z-]+\\.)?" + Pattern.quote(key) + "[`.]"));
  }

  /** The docs section whose table describes the keys of a schema object. */
  private static final Map<String, String> SECTIONS = Map.of(
      "## Top level", "",
      "## `defaults` and machines", "/$defs/machine",
      "### `users`", "/$defs/user",
      "### `disks`", "/$defs/disk",
      "### `nics`", "/$defs/nic",
      "### `files`", "/$defs/file",
      "### `scripts`", "/$defs/script",
      "## `images`", "/$defs/image",
      "## `networks`", "/$defs/network");
  /** Defaults the docs write as an expression: derived from other keys, so the schema has no value for them. */
  private static final Set<String> DERIVED = Set.of("`defaults.image`", "`generic/<os><release without dots>`",
      "`[gateway]`");

  /**
   * Every default is written once, as a "default" keyword of the spec schema (the model reads it
   * through SpecDefaults), and the default column of docs/lab-spec.md shows exactly those: a key
   * with a schema default shows it, a key without one shows no value.
   */
  @Test
  void labSpecDocsShowTheSchemasDefaults() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/lab-spec.schema.json").toFile());
    List<String> docs = Files.readAllLines(Path.of("docs/lab-spec.md"));
    List<String> wrong = new ArrayList<>();
    SECTIONS.forEach((heading, object) -> {
      Map<String, String> rows = table(docs, heading);
      Map<String, JsonNode> defaults = new TreeMap<>();
      defaults(schema.at(object), "", defaults);
      rows.forEach((key, cell) -> {
        JsonNode value = defaults.get(key);
        String expected = value == null ? null : "`" + shown(value) + "`";
        if (value == null ? cell.startsWith("`") && !DERIVED.contains(cell) : !cell.startsWith(expected)) {
          wrong.add(heading + " `" + key + "`: docs " + (cell.isEmpty() ? "(none)" : cell) + ", schema "
              + (expected == null ? "(none)" : expected));
        }
      });
      defaults.keySet().stream().filter(k -> !rows.containsKey(k)).forEach(k -> wrong.add(heading + " has no row `" + k + "`"));
    });
    Map<String, String> targets = table(docs, "## `targets`");
    schema.at("/properties/targets/properties").fields().forEachRemaining(target -> {
      Map<String, JsonNode> defaults = new TreeMap<>();
      defaults(schema.at(target.getValue().path("$ref").asText().substring(1)), target.getKey() + ".", defaults);
      defaults.forEach((key, value) -> {
        String cell = targets.getOrDefault(key, "(no row)");
        if (!cell.startsWith("`" + shown(value) + "`")) {
          wrong.add("## `targets` `" + key + "`: docs " + cell + ", schema `" + shown(value) + "`");
        }
      });
    });
    assertThat(wrong).as("docs/lab-spec.md's default column against the spec schema's default keywords").isEmpty();
  }

  /** Key to default cell of the table under {@code heading}; a row naming several keys gives each. */
  private static Map<String, String> table(List<String> docs, String heading) {
    Map<String, String> rows = new TreeMap<>();
    int at = docs.indexOf(heading);
    assertThat(at).as("docs/lab-spec.md has %s", heading).isNotNegative();
    for (int i = at + 1; i < docs.size() && !docs.get(i).startsWith("#"); i++) {
      String line = docs.get(i);
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("(?<!\\\\)\\|", -1);
      Matcher key = Pattern.compile("`([^`]+)`").matcher(cells[1]);
      while (key.find()) {
        rows.put(key.group(1), cells[3].strip());
      }
    }
    return rows;
  }

  private static void defaults(JsonNode object, String prefix, Map<String, JsonNode> into) {
    object.path("properties").fields().forEachRemaining(e -> {
      if (e.getValue().has("default")) {
        into.put(prefix + e.getKey(), e.getValue().get("default"));
      }
      defaults(e.getValue(), prefix + e.getKey() + ".", into);
    });
  }

  /** A default as the docs write it: YAML flow style, a string quoted only where YAML would read a number. */
  private static String shown(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(shown(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isTextual()) {
      String text = value.asText();
      return text.isEmpty() || text.matches("[0-9.]+") ? "\"" + text + "\"" : text;
    }
    return value.toString();
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
