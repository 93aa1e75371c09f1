package dev.labforge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Checking a document as a stream, item by item ({@link ItemWise}), finds exactly the problems of
 * checking it as one tree: golden files, broken at random places, are checked both ways.
 */
class ItemWiseTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  /** Golden files whose schemas have root lists that are checked item by item, and one that has none. */
  private static final List<String[]> DOCS = List.of(
      new String[] {"router/lxd/preseed.yaml", "schemas/lxd/preseed.schema.json"},
      new String[] {"lxd-lab/lxd/preseed.yaml", "schemas/lxd/preseed.schema.json"},
      new String[] {"router/cloud-init/client1/user-data", "schemas/cloud-init/user-data.schema.json"},
      new String[] {"terraform-closed/cloud-init/ops/config-drive/openstack/latest/network_data.json",
          "schemas/cloud-init/network_data.schema.json"},
      new String[] {"router/inventory/ansible.yml", "schemas/inventory/ansible.schema.json"});
  private static final List<JsonNode> JUNK = List.of(
      JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.numberNode(-1),
      JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
      JsonNodeFactory.instance.objectNode().put("bogus", 1));

  /** One change: the value at the n-th place (in document order) becomes junk, or goes. */
  record Change(int place, int junk) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Change> one = Combinators.combine(Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, JUNK.size())).as(Change::new);
    return one.list().ofMinSize(0).ofMaxSize(3);
  }

  @Property(tries = 300)
  void streamFindsWhatTheTreeFinds(@ForAll @IntRange(min = 0, max = 4) int doc,
      @ForAll("changes") List<Change> changes) throws Exception {
    JsonNode tree = YAML.readTree(Files.readString(GOLDEN.resolve(DOCS.get(doc)[0])));
    String schema = DOCS.get(doc)[1];
    for (Change c : changes) {
      tree = apply(tree, c);
    }
    // as labforge reads a file back: YAML text, whole or as a stream; same problems in the same order
    String text = YAML.writeValueAsString(tree);
    List<SchemaValidator.Problem> whole = SchemaValidator.validate(schema, YAML.readTree(text));
    List<SchemaValidator.Problem> streamed;
    try (JsonParser stream = YAML.createParser(text)) {
      streamed = SchemaValidator.validate(schema, stream);
    }
    assertThat(streamed).isEqualTo(whole);
  }

  @Test
  void brokenItemsAreNamedByTheirPlaceInTheWholeList() throws Exception {
    ObjectNode preseed = (ObjectNode) YAML.readTree(Files.readString(GOLDEN.resolve("router/lxd/preseed.yaml")));
    ArrayNode profiles = (ArrayNode) preseed.get("profiles");
    assertThat(profiles.size()).isGreaterThan(2);
    ((ObjectNode) profiles.get(2)).put("bogus", 1);
    ((ObjectNode) profiles.get(0)).remove("name");
    try (JsonParser stream = YAML.treeAsTokens(preseed)) {
      assertThat(SchemaValidator.validate("schemas/lxd/preseed.schema.json", stream))
          .extracting(SchemaValidator.Problem::pointer)
          .containsExactly("/profiles/0", "/profiles/2/bogus");
    }
  }

  /** The first problem reported is the first in the document, whichever way the file was read. */
  @Test
  void problemsAreInDocumentOrder() throws Exception {
    ObjectNode preseed = (ObjectNode) YAML.readTree(Files.readString(GOLDEN.resolve("router/lxd/preseed.yaml")));
    ((ObjectNode) preseed.withArray("profiles").get(0)).put("bogus", 1);
    ((ObjectNode) preseed.withArray("networks").get(1)).put("bogus", 1);
    preseed.withArray("profiles").add(JsonNodeFactory.instance.objectNode().put("bogus", 1));
    int last = preseed.withArray("profiles").size() - 1;
    try (JsonParser stream = YAML.treeAsTokens(preseed)) {
      assertThat(SchemaValidator.validate("schemas/lxd/preseed.schema.json", stream))
          .extracting(SchemaValidator.Problem::pointer)
          .startsWith("/networks/1/bogus", "/profiles/0/bogus").contains("/profiles/" + last)
          .isSortedAccordingTo(SchemaValidator::comparePointers);
    }
  }

  @Test
  void aRootThatIsNotAMappingIsCheckedWhole() throws Exception {
    for (String text : List.of("[1, 2]", "just text", "")) {
      JsonNode tree = YAML.readTree(text);
      try (JsonParser stream = YAML.createParser(text)) {
        assertThat(sorted(SchemaValidator.validate("schemas/lxd/preseed.schema.json", stream)))
            .as(text).isEqualTo(sorted(SchemaValidator.validate("schemas/lxd/preseed.schema.json", tree)))
            .isNotEmpty();
      }
    }
  }

  @Test
  void onlyPlainListsUnderAPlainRootAreSplit() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(ItemWise.splits(json.readTree("{\"type\":\"array\",\"items\":{},\"minItems\":1}"))).isTrue();
    assertThat(ItemWise.splits(json.readTree("{\"type\":\"array\",\"items\":{},\"minItems\":2}"))).isFalse();
    assertThat(ItemWise.splits(json.readTree("{\"type\":\"array\",\"items\":{},\"uniqueItems\":true}"))).isFalse();
    assertThat(ItemWise.splits(json.readTree("{\"type\":\"array\",\"items\":{},\"maxItems\":3}"))).isFalse();
    assertThat(ItemWise.applies(json.readTree("{\"type\":\"object\",\"properties\":{}}"))).isTrue();
    assertThat(ItemWise.applies(json.readTree("{\"type\":\"object\",\"allOf\":[]}"))).isFalse();
    // Xen's root has allOf: checked whole, and still the same problems
    assertThat(ItemWise.applies(SchemaValidator.raw("schemas/xen/domain.schema.json"))).isFalse();
  }

  private static JsonNode apply(JsonNode tree, Change change) {
    List<JsonNode[]> places = new ArrayList<>(); // {parent, value} in document order
    collect(tree, places);
    if (places.isEmpty()) {
      return tree;
    }
    JsonNode[] place = places.get(change.place() % places.size());
    JsonNode parent = place[0];
    int at = change.junk();
    if (parent instanceof ObjectNode object) {
      String key = null;
      for (var it = object.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue() == place[1]) {
          key = e.getKey();
        }
      }
      if (at == JUNK.size()) {
        object.remove(key);
      } else {
        object.set(key, JUNK.get(at).deepCopy());
      }
    } else if (parent instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) == place[1]) {
          if (at == JUNK.size()) {
            array.remove(i);
          } else {
            array.set(i, JUNK.get(at).deepCopy());
          }
          break;
        }
      }
    }
    return tree;
  }

  private static void collect(JsonNode node, List<JsonNode[]> places) {
    if (node.isContainerNode()) {
      for (JsonNode child : (Iterable<JsonNode>) node::elements) {
        places.add(new JsonNode[] {node, child});
        collect(child, places);
      }
    }
  }

  private static List<String> sorted(List<SchemaValidator.Problem> problems) {
    return problems.stream().map(p -> p.pointer() + " " + p.atKey() + " " + p.message())
        .sorted(Comparator.naturalOrder()).toList();
  }
}
