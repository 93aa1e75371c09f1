package dev.labforge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for the patterns of one schema, so a user never reads a regex. The words live in the
 * schema: each pattern of {@code schemas/lab-spec.schema.json} is written once, as a {@code $defs}
 * entry with an {@code x-message} (a keyword JSON Schema leaves to its users), and used through
 * {@code $ref} ({@code PatternMessagesTest} fails on a pattern without words). A few entries also
 * suggest the value that was meant ({@code 1GB} is {@code 1GiB}): those are named here.
 */
final class PatternMessages {
  /** The keyword beside a pattern that says in plain words what a value failing it is not. */
  static final String MESSAGE = "x-message";
  /** A size with a unit as other tools write it: 1GB, 1 gb, 1G, 512Mi, 1048576KB. */
  private static final Pattern OTHER_UNIT =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT])(?:[iI]?[bB]|[iI])?\\s*");
  /** Entries of {@code $defs} whose message goes on with the value that was meant. */
  static final Map<String, UnaryOperator<String>> SUGGESTIONS = Map.of("size", PatternMessages::meantSize);

  private final Map<String, UnaryOperator<String>> words;

  private PatternMessages(Map<String, UnaryOperator<String>> words) {
    this.words = words;
  }

  /** The words {@code schema} gives its patterns: each {@code $defs} entry with a pattern and a message. */
  static PatternMessages of(JsonNode schema) {
    Map<String, UnaryOperator<String>> words = new HashMap<>();
    schema.path("$defs").fields().forEachRemaining(def -> {
      JsonNode pattern = def.getValue().path("pattern");
      JsonNode message = def.getValue().path(MESSAGE);
      if (pattern.isTextual() && message.isTextual()) {
        UnaryOperator<String> more = SUGGESTIONS.getOrDefault(def.getKey(), value -> "");
        words.put(pattern.asText(), value -> message.asText() + more.apply(value));
      }
    });
    return new PatternMessages(Map.copyOf(words));
  }

  /** What is wrong with {@code value}, which does not match {@code pattern}; never the pattern itself. */
  String describe(String pattern, String value) {
    UnaryOperator<String> found = words.get(pattern);
    // only an output schema's pattern has no words (PatternMessagesTest): its reader is a template's
    // author, who is helped by the pattern itself
    return found != null ? found.apply(value) : "does not match the pattern " + pattern;
  }

  /** The patterns that have words. */
  Set<String> known() {
    return words.keySet();
  }

  /** "; did you mean '1GiB'?" for 1GB, 1 gb, 1G or 1Gi; 1048576KB is 1024MiB, "4096" 4096MiB; "" when nothing fits. */
  static String meantSize(String value) {
    if (value.strip().matches("[0-9]+")) {
      // a quoted integer: as a string it needs a unit; unquoted it would be MiB
      return "; did you mean '" + value.strip() + "MiB'?";
    }
    Matcher m = OTHER_UNIT.matcher(value);
    if (!m.matches()) {
      return "";
    }
    String amount = m.group(1);
    String unit = m.group(2).toUpperCase(Locale.ROOT);
    if (unit.equals("K")) {
      BigDecimal mib = new BigDecimal(amount).divide(BigDecimal.valueOf(1024));
      if (mib.stripTrailingZeros().scale() > 0) {
        return "";
      }
      amount = mib.stripTrailingZeros().toPlainString();
      unit = "M";
    }
    return "; did you mean '" + amount + unit + "iB'?";
  }
}
