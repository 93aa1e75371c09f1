package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.LocatedTree;
import java.util.Optional;

/**
 * YAML reads some unquoted text as a number or a boolean: {@code permissions: 0644} is the octal
 * number 420, {@code release: 22.10} the number 22.1, {@code name: yes} true. Where the schema
 * wants a string, the message shows the value quoted as it was written, ready to copy.
 */
final class QuoteHint {
  /** The schema's type message when a string is among the types wanted ("a string or an integer" too). */
  static final String STRING_WANTED = "must be a string";

  private QuoteHint() {}

  /** "; write permissions: \"0644\"" (with what YAML made of it when that differs), or "". */
  static String hint(LocatedTree tree, String pointer, String message) {
    Optional<String> literal = tree.literal(pointer);
    if (!message.startsWith(STRING_WANTED) || literal.isEmpty()) {
      return "";
    }
    JsonNode value = tree.root().at(pointer);
    String read = value.isValueNode() && !value.asText().equals(literal.get())
        ? " (YAML reads " + literal.get() + " as " + value.asText() + ")" : "";
    String token = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    boolean json = tree.source().text().stripLeading().startsWith("{");
    String quoted = "\"" + literal.get() + "\"";
    String key = token.chars().allMatch(Character::isDigit) ? "" : json ? "\"" + token + "\": " : token + ": ";
    return (json ? "" : read) + "; write " + key + quoted;
  }
}
