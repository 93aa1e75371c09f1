package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** An xl domain configuration as read back: its assignments in file order, each with its line. */
public record XlConfig(List<Setting> settings) {

  /** One value: a string (quoted, or a bare number token) or a list of values. */
  public sealed interface Value permits Text, Items {}

  /** {@code number} is true for a bare number token ({@code memory = 2048}). */
  public record Text(String text, boolean number) implements Value {}

  public record Items(List<Value> items) implements Value {}

  public record Setting(String name, int line, Value value) {}

  public Optional<Value> get(String name) {
    return settings.stream().filter(s -> s.name().equals(name)).map(Setting::value).findFirst();
  }

  /**
   * The tree a schema checks: strings stay strings; a number token becomes a JSON integer when
   * {@code strtol(s, &end, 0)} reads all of it (how xl reads memory, vcpus and booleans), else text.
   */
  public JsonNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    settings.forEach(s -> out.set(s.name(), json(s.value())));
    return out;
  }

  private static JsonNode json(Value value) {
    if (value instanceof Items items) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      items.items().forEach(item -> array.add(json(item)));
      return array;
    }
    Text text = (Text) value;
    if (text.number()) {
      BigInteger n = strtol(text.text());
      if (n != null && n.bitLength() < 64) {
        return JsonNodeFactory.instance.numberNode(n.longValue());
      }
    }
    return JsonNodeFactory.instance.textNode(text.text());
  }

  /** C's strtol with base 0 on a whole unsigned token, or null when it would stop early. */
  static BigInteger strtol(String s) {
    if (s.matches("0[xX][0-9a-fA-F]+")) {
      return new BigInteger(s.substring(2), 16);
    }
    if (s.matches("0[0-7]*")) {
      return s.length() == 1 ? BigInteger.ZERO : new BigInteger(s.substring(1), 8);
    }
    return s.matches("[1-9][0-9]*") ? new BigInteger(s) : null;
  }
}
