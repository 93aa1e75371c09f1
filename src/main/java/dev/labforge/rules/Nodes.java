package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Small helpers to walk a tree that may not match the schema. */
final class Nodes {
  private Nodes() {}

  static void eachItem(JsonNode list, String pointer, BiConsumer<JsonNode, String> action) {
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        action.accept(list.get(i), pointer + "/" + i);
      }
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    if (object != null && object.isObject()) {
      object.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}
