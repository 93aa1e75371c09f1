package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.Reporter;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Control characters (C0 including tab, DEL, C1, the Unicode line and paragraph separators) only
 * where the spec means free text: descriptions, commands (an expectation's too), file content and
 * passwords (which only ever leave hashed). Anywhere else, in a value or a key, a line break would
 * split a command line, a YAML scalar or a name in some output, and an escape sequence would
 * reach a terminal, so it is an error here rather than a surprise there.
 */
final class ControlCharactersRule implements Rule {
  static final Pattern FREE_TEXT = Pattern.compile(
      "(.*/description|.*/commands/\\d+|.*/expect/\\d+/command|.*/files/\\d+/content|.*/users/\\d+/password)");

  @Override
  public void check(JsonNode spec, Reporter report) {
    walk(spec, "", report);
  }

  private static void walk(JsonNode node, String pointer, Reporter report) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = pointer + "/" + LocatedTree.escape(e.getKey());
        int bad = firstControl(e.getKey());
        if (bad >= 0) {
          report.atKey(child, "a key may not contain the control character " + name(bad));
        }
        walk(e.getValue(), child, report);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, report);
      }
    } else if (node.isTextual()) {
      int bad = FREE_TEXT.matcher(pointer).matches() ? -1 : firstControl(node.asText());
      if (bad >= 0) {
        report.at(pointer, "the control character " + name(bad)
            + " is not allowed here; only descriptions, commands, file content and passwords take free text");
      }
    }
  }

  /** The first control character in {@code s}, or -1. */
  static int firstControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029) {
        return c;
      }
    }
    return -1;
  }

  static String name(int c) {
    return String.format("U+%04X", c);
  }
}
