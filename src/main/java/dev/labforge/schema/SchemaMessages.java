package dev.labforge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Our wording for each JSON Schema keyword, so errors read the same whatever the validator says. */
final class SchemaMessages {
  private SchemaMessages() {}

  static SchemaValidator.Problem describe(ValidationMessage m, JsonNode schema, PatternMessages patterns) {
    String pointer = m.getInstanceLocation().toString();
    JsonNode value = m.getInstanceNode();
    JsonNode keyword = m.getSchemaNode();
    String type = m.getType();
    switch (type) {
      case "additionalProperties": {
        String key = m.getProperty();
        List<String> known = new ArrayList<>();
        parentOf(m, schema).path("properties").fieldNames().forEachRemaining(known::add);
        return new SchemaValidator.Problem(pointer + "/" + LocatedTree.escape(key), true,
            "unknown key '" + key + "'" + Suggest.didYouMean(key, known));
      }
      case "required":
        return new SchemaValidator.Problem(pointer, false, "missing required key '" + m.getProperty() + "'");
      case "type":
        return new SchemaValidator.Problem(pointer, false,
            "must be " + typeNames(keyword) + ", not " + (fraction(value, keyword)
                ? "the fraction " + shown(value.decimalValue()) : typeOf(value)));
      case "enum": {
        List<String> allowed = new ArrayList<>();
        keyword.forEach(v -> allowed.add(v.asText()));
        String suggestion = value != null && value.isTextual() ? Suggest.didYouMean(value.asText(), allowed) : "";
        return new SchemaValidator.Problem(pointer, false,
            "must be one of " + String.join(", ", allowed) + ", not " + show(value) + suggestion);
      }
      case "const":
        return new SchemaValidator.Problem(pointer, false, "must be " + keyword + ", not " + show(value));
      case "pattern":
        return new SchemaValidator.Problem(pointer, false, show(value) + " "
            + patterns.describe(keyword.asText(), value == null ? "" : value.asText()));
      case "minimum":
        return new SchemaValidator.Problem(pointer, false, "must be at least " + keyword.asText());
      case "maximum":
        return new SchemaValidator.Problem(pointer, false, "must be at most " + keyword.asText());
      case "minItems":
        return new SchemaValidator.Problem(pointer, false, "needs at least " + keyword.asText()
            + (keyword.asInt() == 1 ? " item" : " items"));
      case "maxItems":
        return new SchemaValidator.Problem(pointer, false, "takes at most " + keyword.asText() + " items");
      case "minProperties":
        return new SchemaValidator.Problem(pointer, false, "needs at least " + keyword.asText()
            + (keyword.asInt() == 1 ? " entry" : " entries"));
      case "uniqueItems":
        return new SchemaValidator.Problem(pointer, false, "must not list the same item twice");
      case "minLength":
        return new SchemaValidator.Problem(pointer, false, keyword.asInt() <= 1
            ? "must not be empty" : "must be at least " + keyword.asText() + " characters");
      case "maxLength":
        return new SchemaValidator.Problem(pointer, false, "must be at most " + keyword.asText() + " characters");
      case "propertyNames": {
        // a key of a mapping whose keys are names (images): said in the words of its pattern
        String key = m.getProperty();
        String pattern = local(keyword, schema).path("pattern").asText(null);
        return new SchemaValidator.Problem(pointer + "/" + LocatedTree.escape(key), true, "the key '" + key + "' "
            + (pattern == null ? "is not allowed here" : patterns.describe(pattern, key)));
      }
      case "false":
        return new SchemaValidator.Problem(pointer, false, forbidden(m, schema));
      default:
        return new SchemaValidator.Problem(pointer, false, m.getError());
    }
  }

  /**
   * A key a conditional schema forbids ({@code "then": {"properties": {"kernel": false}}}): named,
   * with the description the key has where it is defined, which says when it is allowed.
   */
  private static String forbidden(ValidationMessage m, JsonNode schema) {
    String location = m.getSchemaLocation().getFragment().toString().replaceAll("/false$", "");
    int at = location.lastIndexOf("/properties/");
    if (at < 0) {
      return m.getError();
    }
    String key = location.substring(at + "/properties/".length());
    String owner = location.substring(0, at).replaceAll("/(then|else)$", "");
    String description = schema.at(owner + "/properties/" + key + "/description").asText("");
    return "'" + key.replace("~1", "/").replace("~0", "~") + "' is not allowed here"
        + (description.isEmpty() ? "" : " (" + description + ")");
  }

  /** {@code node}, or what its {@code $ref} into the same schema names (a pattern is written once, in $defs). */
  private static JsonNode local(JsonNode node, JsonNode schema) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? schema.at(ref.substring(1)) : node;
  }

  private static JsonNode parentOf(ValidationMessage m, JsonNode schema) {
    String location = m.getSchemaLocation().getFragment().toString();
    int slash = location.lastIndexOf('/');
    return slash <= 0 ? schema : schema.at(location.substring(0, slash));
  }

  /** A fraction as written plainly, unless that takes more than 24 characters (1e-400): then as 1E-400. */
  private static String shown(BigDecimal fraction) {
    String plain = fraction.toPlainString();
    return plain.length() <= 24 ? plain : fraction.stripTrailingZeros().toString();
  }

  /** A number with a fraction where an integer is wanted: a whole one (4096.0) is an integer by now. */
  private static boolean fraction(JsonNode value, JsonNode keyword) {
    return value != null && value.isNumber() && !value.isIntegralNumber()
        && (keyword.isArray() ? keyword.toString().contains("\"integer\"") : "integer".equals(keyword.asText()));
  }

  private static String typeNames(JsonNode keyword) {
    List<String> names = new ArrayList<>();
    if (keyword.isArray()) {
      keyword.forEach(t -> names.add(article(t.asText())));
    } else {
      names.add(article(keyword.asText()));
    }
    return names.stream().collect(Collectors.joining(" or "));
  }

  private static String article(String type) {
    switch (type) {
      case "object":
        return "a mapping";
      case "array":
        return "a list";
      case "integer":
        return "an integer";
      default:
        return "a " + type;
    }
  }

  static String typeOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isIntegralNumber()) {
      return "an integer";
    }
    if (value.isNumber()) {
      return "a number";
    }
    return "a string";
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "null";
    }
    return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
  }
}
