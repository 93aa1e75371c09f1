package dev.labforge.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.schema.SchemaValidator.Problem;
import dev.labforge.spec.LocatedTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checks a document read as a stream, so a big lab's lab-wide file (the LXD preseed lists every
 * machine's profile, the Vagrantfile view every machine) is never one tree: each item of a root
 * list whose schema says only "a list of X" is read, checked against X and dropped.
 *
 * <p>The problems are those of checking the whole tree (SchemaValidatorTest's property): the root is
 * checked with the first item of each such list in place, which keeps the list's {@code type} and
 * {@code minItems} (at most 1) verdicts, and the other items against {@code items}, their pointers
 * prefixed. A schema with any other root or list keyword is checked whole.
 */
final class ItemWise {
  private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id", "$comment", "$defs", "title",
      "description", "type", "properties", "required", "additionalProperties");
  private static final Set<String> LIST_KEYWORDS = Set.of("$comment", "description", "type", "items", "minItems");

  private ItemWise() {}

  /** The root schema says nothing a list's first item does not answer for all its items. */
  static boolean applies(JsonNode schema) {
    for (var it = schema.fieldNames(); it.hasNext(); ) {
      if (!ROOT_KEYWORDS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /** A list schema that only says "a list of items X": each item can be checked on its own. */
  static boolean splits(JsonNode list) {
    if (!list.isObject() || !"array".equals(list.path("type").asText()) || !list.path("items").isObject()
        || list.path("minItems").asInt(0) > 1) {
      return false;
    }
    for (var it = list.fieldNames(); it.hasNext(); ) {
      if (!LIST_KEYWORDS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #check(JsonNode, JsonParser, java.util.function.Function, BiFunction)} for a document
   * made in memory: {@code root} holds at most the first item of its list {@code field}, and
   * {@code rest} makes the other items one at a time.
   */
  static List<Problem> check(JsonNode schema, ObjectNode root, String field, Iterator<JsonNode> rest,
      Function<JsonNode, List<Problem>> whole,
      BiFunction<String, JsonNode, List<Problem>> item) {
    ArrayNode list = root.withArray(field);
    if (list.size() > 1) {
      throw new IllegalArgumentException("the root holds more than the first item of " + field);
    }
    if (!applies(schema) || !splits(schema.path("properties").path(field))) {
      rest.forEachRemaining(list::add);
      return whole.apply(root);
    }
    List<Problem> problems = new ArrayList<>(whole.apply(root));
    String prefix = "/" + LocatedTree.escape(field) + "/";
    for (int index = list.size(); rest.hasNext(); index++) {
      for (Problem p : item.apply(field, rest.next())) {
        problems.add(new Problem(prefix + index + p.pointer(), p.atKey(), p.message()));
      }
    }
    problems.sort(SchemaValidator.DOCUMENT_ORDER);
    return problems;
  }

  /**
   * Reads the document at {@code parser} (positioned before its first token) and checks it:
   * {@code whole} checks a tree against the root schema, {@code item} one item against the items
   * schema of the named root property.
   */
  static List<Problem> check(JsonNode schema, JsonParser parser,
      Function<JsonNode, List<Problem>> whole,
      BiFunction<String, JsonNode, List<Problem>> item) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT || !applies(schema)) {
      JsonNode tree = first == null ? null : parser.readValueAsTree();
      return whole.apply(tree == null ? JsonNodeFactory.instance.missingNode() : tree);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    List<Problem> later = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value != JsonToken.START_ARRAY || !splits(schema.path("properties").path(field))) {
        root.set(field, parser.readValueAsTree());
        continue;
      }
      ArrayNode list = root.putArray(field);
      String prefix = "/" + LocatedTree.escape(field) + "/";
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode next = parser.readValueAsTree();
        if (index == 0) {
          list.add(next);
        } else {
          for (Problem p : item.apply(field, next)) {
            later.add(new Problem(prefix + index + p.pointer(), p.atKey(), p.message()));
          }
        }
        index++;
      }
    }
    List<Problem> problems = new ArrayList<>(whole.apply(root));
    problems.addAll(later);
    problems.sort(SchemaValidator.DOCUMENT_ORDER);
    return problems;
  }
}
