package dev.labforge.rules;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.SpecReader;
import dev.labforge.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every string-valued key of the spec schema, found by walking the schema (not a hand-made list),
 * gets {@code \n}, {@code \r}, {@code \t}, NUL and U+2028 at its start, middle and end. Each case is
 * either refused as a user error that points at the key, or accepted only where the spec means
 * free text (whose byte-exact round trips the per-target property tests prove). Never an
 * internal error (exit 3), never an exception.
 */
class AdversarialStringsTest {
  static final Path SCHEMA = Path.of("schemas/lab-spec.schema.json");
  static final List<String> CHARACTERS = List.of("\n", "\r", "\t", "\u0000", "\u2028");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode schema;

  AdversarialStringsTest() throws Exception {
    schema = JSON.readTree(SCHEMA.toFile());
  }

  /** One place in one spec where a string key has a value. */
  record Site(Path spec, String pointer, String shape) {}

  @Test
  void everyStringKeyRefusesOrKeepsControlCharactersNeverCrashes() throws Exception {
    Set<String> shapes = new TreeSet<>();
    stringShapes(schema, "", shapes, new TreeSet<>());
    Map<String, Site> sites = new LinkedHashMap<>();
    List<Path> specs = new ArrayList<>(Specs.all());
    specs.add(Path.of("src/test/resources/adversarial/machine-overrides.yaml"));
    for (Path spec : specs) {
      LocatedTree tree = read(spec);
      collect(tree.root(), schema, "", "", spec, sites);
    }
    assertThat(sites.keySet()).as("string keys of the schema that no spec in examples/, src/test/resources/specs/ or"
        + " src/test/resources/adversarial/ uses, so this test cannot reach them; use them in one").containsAll(shapes);

    List<String> problems = new ArrayList<>();
    int refused = 0;
    int accepted = 0;
    for (Site site : sites.values()) {
      JsonNode original = read(site.spec()).root();
      String value = at(original, site.pointer()).asText();
      for (String c : CHARACTERS) {
        for (String mutated : List.of(c + value, value.substring(0, value.length() / 2) + c
            + value.substring(value.length() / 2), value + c)) {
          JsonNode spec = original.deepCopy();
          set(spec, site.pointer(), mutated);
          SpecInput input = new SpecInput(site.spec().getFileName() + ".json",
              JSON.writeValueAsBytes(spec), site.spec().toAbsolutePath().getParent());
          String label = site.pointer() + " = " + JSON.writeValueAsString(mutated) + " (" + site.spec() + ")";
          try {
            Rendered.all(Rendered.load(input), input, List.of());
            accepted++;
            if (!ControlCharactersRule.FREE_TEXT.matcher(site.pointer()).matches()) {
              problems.add("accepted outside free text: " + label);
            }
          } catch (Generator.InvalidSpecException e) {
            refused++;
            if (!e.getMessage().contains(site.pointer())) {
              problems.add("refused without pointing at the key: " + label + "\n" + e.getMessage());
            }
          } catch (Exception | StackOverflowError e) {
            problems.add("internal error (exit 3): " + label + ": " + e);
          }
        }
      }
    }
    assertThat(problems).as("%d refused, %d accepted", refused, accepted).isEmpty();
    assertThat(refused).isPositive();
    assertThat(accepted).isPositive();
  }

  private static LocatedTree read(Path spec) throws Exception {
    return SpecReader.read(spec.toString(), Files.readAllBytes(spec), spec.toAbsolutePath().getParent());
  }

  /** Shapes of every string-typed key: {@code /machines/[]/name}, {@code /images/{}/os}. */
  private void stringShapes(JsonNode node, String shape, Set<String> out, Set<String> refs) {
    node = resolve(node);
    if (isString(node) && !shape.isEmpty()) {
      out.add(shape);
    }
    node.path("properties").fields().forEachRemaining(e -> stringShapes(e.getValue(), shape + "/" + e.getKey(), out, refs));
    if (node.path("additionalProperties").isObject()) {
      stringShapes(node.get("additionalProperties"), shape + "/{}", out, refs);
    }
    if (node.path("items").isObject()) {
      stringShapes(node.get("items"), shape + "/[]", out, refs);
    }
  }

  private void collect(JsonNode value, JsonNode node, String pointer, String shape, Path spec, Map<String, Site> out) {
    node = resolve(node);
    if (value.isTextual() && isString(node)) {
      out.putIfAbsent(shape, new Site(spec, pointer, shape));
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = pointer + "/" + LocatedTree.escape(e.getKey());
        if (node.path("properties").has(e.getKey())) {
          collect(e.getValue(), node.get("properties").get(e.getKey()), child, shape + "/" + e.getKey(), spec, out);
        } else if (node.path("additionalProperties").isObject()) {
          collect(e.getValue(), node.get("additionalProperties"), child, shape + "/{}", spec, out);
        }
      }
    } else if (value.isArray() && node.path("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        collect(value.get(i), node.get("items"), pointer + "/" + i, shape + "/[]", spec, out);
      }
    }
  }

  private JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = schema.at(ref.substring(ref.indexOf('#') + 1));
    }
    return node;
  }

  private static boolean isString(JsonNode node) {
    JsonNode type = node.path("type");
    if (type.isTextual()) {
      return type.asText().equals("string");
    }
    for (JsonNode t : type) {
      if (t.asText().equals("string")) {
        return true;
      }
    }
    return node.path("enum").path(0).isTextual() || node.path("const").isTextual();
  }

  private static JsonNode at(JsonNode root, String pointer) {
    return root.at(pointer);
  }

  private static void set(JsonNode root, String pointer, String value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), array.textNode(value));
    } else {
      ((ObjectNode) parent).put(last, value);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
