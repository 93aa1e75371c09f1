package dev.labforge.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.spec.Diagnostics;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads JSON into a tree whose nodes keep their line and column, walking the token stream. */
final class JsonSpecReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Limits.MAX_DEPTH)
          .maxStringLength(Limits.MAX_BYTES)
          .build())
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SourceText source;
  private final Map<String, Position> positions = new HashMap<>();
  /** The text of each number as written (8e3), for messages. */
  private final Map<String, String> literals = new HashMap<>();
  /** Problems in values (a number, a string) that do not stop the reading, reported together at the end. */
  private final Diagnostics problems;
  /** The parser of {@link #read}, for where it stopped when a number was too long to read. */
  private JsonParser reading;

  JsonSpecReader(SourceText source) {
    this.source = source;
    this.problems = new Diagnostics(source);
  }

  LocatedTree read() throws SpecSyntaxException {
    try (JsonParser parser = open()) {
      if (parser.nextToken() == null) {
        throw failure(new Position(1, 1), "the spec is empty; expected an object with \"version\": 1");
      }
      JsonNode root = value(parser, "");
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw failure(position(parser.currentTokenLocation()), "JSON syntax: unexpected content after the document");
      }
      if (!problems.isEmpty()) {
        throw new SpecSyntaxException(problems);
      }
      return new LocatedTree(source, root, Map.copyOf(positions), Map.copyOf(literals));
    } catch (StreamConstraintsException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Number value length")) {
        // Jackson stops at 1000 characters: far past the digits any key takes (Numbers.MAX_DIGITS)
        throw failure(position(reading.currentLocation()), "a number of more than 1000 characters ends here;"
            + " no key of a spec takes one");
      }
      throw failure(position(e.getLocation()), "JSON: " + firstLine(e.getOriginalMessage())
          + " (nesting is limited to " + Limits.MAX_DEPTH + " levels)");
    } catch (JsonParseException e) {
      throw failure(position(e.getLocation()), "JSON syntax: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw failure(new Position(1, 1), "JSON: " + firstLine(e.getMessage()));
    }
  }

  private JsonNode value(JsonParser parser, String pointer) throws IOException {
    positions.putIfAbsent(pointer, position(parser.currentTokenLocation()));
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String child = pointer + "/" + LocatedTree.escape(key);
          Position keyAt = position(parser.currentTokenLocation());
          positions.putIfAbsent(child + "#key", keyAt);
          LoneSurrogates.problem(key).ifPresent(p -> problems.error(keyAt, child, "this key's " + p));
          parser.nextToken();
          object.set(key, value(parser, child));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, pointer + "/" + i++));
        }
        return array;
      }
      case VALUE_STRING: {
        String text = parser.getText();
        LoneSurrogates.problem(text).ifPresent(p ->
            problems.error(position(parser.currentTokenLocation()), pointer, "this string's " + p));
        return NODES.textNode(text);
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(parser, pointer);
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      default:
        return NODES.nullNode();
    }
  }

  private JsonParser open() throws IOException {
    reading = FACTORY.createParser(source.text());
    return reading;
  }

  /** A number exactly as written, a whole one as an integer (see {@link Numbers}); its literal kept. */
  private JsonNode number(JsonParser parser, String pointer) throws IOException {
    String literal = parser.getText();
    Position at = position(parser.currentTokenLocation());
    java.math.BigDecimal value;
    try {
      value = parser.currentToken() == JsonToken.VALUE_NUMBER_INT
          ? new java.math.BigDecimal(parser.getBigIntegerValue()) : parser.getDecimalValue();
    } catch (NumberFormatException e) {
      problems.error(at, pointer, Numbers.unreadable(literal));
      return NODES.nullNode();
    }
    literals.put(pointer, literal);
    return Numbers.node(value).orElseGet(() -> {
      problems.error(at, pointer, Numbers.tooLarge(literal));
      return NODES.nullNode();
    });
  }

  private SpecSyntaxException failure(Position at, String message) {
    Diagnostics problems = new Diagnostics(source);
    problems.error(at, "", message);
    return new SpecSyntaxException(problems);
  }

  private static Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new Position(1, 1);
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable document" : message;
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
