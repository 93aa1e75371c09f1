package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code count} expansion: a machine with count N becomes NAME-1 .. NAME-N; without it, NAME. */
public final class Expansion {
  private Expansion() {}

  public static List<String> names(JsonNode machine) {
    String base = machine.path("name").asText("");
    JsonNode count = machine.get("count");
    List<String> names = new ArrayList<>();
    if (count == null || !count.canConvertToInt() || count.asInt() < 1 || count.asInt() > 100) {
      names.add(base);
      return names;
    }
    for (int i = 1; i <= count.asInt(); i++) {
      names.add(base + "-" + i);
    }
    return names;
  }

  public static boolean counted(JsonNode machine) {
    return machine.has("count");
  }
}
