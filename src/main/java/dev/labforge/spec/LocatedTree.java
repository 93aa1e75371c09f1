package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed spec: the JSON tree and where each node came from. Keys are JSON pointers; a member's
 * key position is stored under the pointer with a trailing {@code "#key"}. {@code literals} holds
 * each number as it was written ({@code 0644} that YAML reads as 420, {@code 8e3}), for messages.
 */
public record LocatedTree(SourceText source, JsonNode root, Map<String, Position> positions,
    Map<String, String> literals) {

  public LocatedTree(SourceText source, JsonNode root, Map<String, Position> positions) {
    this(source, root, positions, Map.of());
  }

  /** The number at {@code pointer} as written, if it is a number read from the source. */
  public java.util.Optional<String> literal(String pointer) {
    return java.util.Optional.ofNullable(literals.get(pointer));
  }

  /** Where the value at {@code pointer} starts, or the nearest ancestor that has a position. */
  public Position valueAt(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return new Position(1, 1);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Where the key of the member at {@code pointer} starts; falls back to its value. */
  public Position keyAt(String pointer) {
    Position key = positions.get(pointer + "#key");
    return key != null ? key : valueAt(pointer);
  }

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
