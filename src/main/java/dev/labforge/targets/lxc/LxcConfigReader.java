package dev.labforge.targets.lxc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic LXC config as LXC 5.0's parser does (parse.c, confile.c): one {@code key = value}
 * per line; white space at the line's start, around the key and at both ends of the value is
 * dropped; a line that then starts with {@code #} or is empty is skipped; one pair of matching
 * quotes around the value is removed. A line without {@code =} is refused, as LXC refuses it.
 */
public final class LxcConfigReader {
  /** One setting, with its 1-based line. */
  public record Entry(String key, String value, int line) {}

  private LxcConfigReader() {}

  public static List<Entry> read(String text) throws LxcSyntaxException {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new LxcSyntaxException(i + 1, "no '=' in \"" + line + "\"");
      }
      String key = line.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw new LxcSyntaxException(i + 1, "no key before '='");
      }
      entries.add(new Entry(key, dequote(line.substring(eq + 1).strip()), i + 1));
    }
    return entries;
  }

  /** {@code {"entries": [{"key": ..., "value": ...}, ...]}} in file order, what the schema checks. */
  public static JsonNode toJson(List<Entry> entries) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries) {
      list.addObject().put("key", e.key()).put("value", e.value());
    }
    return root;
  }

  /** The value of the first entry with {@code key}, or null. */
  public static String first(List<Entry> entries, String key) {
    return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst().orElse(null);
  }

  /** Every value of {@code key}, in order (lxc.mount.entry may repeat). */
  public static List<String> all(List<Entry> entries, String key) {
    return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).toList();
  }

  private static String dequote(String value) {
    if (value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** A line LXC's parser would refuse. */
  public static final class LxcSyntaxException extends Exception {
    public LxcSyntaxException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }
}
