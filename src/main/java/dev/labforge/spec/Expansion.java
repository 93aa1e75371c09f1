package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code count} expansion: a machine with count N becomes NAME-1 .. NAME-N; without it, NAME. */
public final class Expansion {
  /** The largest {@code count} of one entry; the schema says the same. */
  public static final int MAX_COUNT = 1000;
  /** The most machines one lab may have after expansion (docs/lab-spec.md, docs/performance.md). */
  public static final int MAX_MACHINES = 10_000;

  private Expansion() {}

  public static List<String> names(JsonNode machine) {
    String base = machine.path("name").asText("");
    JsonNode count = machine.get("count");
    List<String> names = new ArrayList<>();
    if (count == null || !count.canConvertToInt() || count.asInt() < 1 || count.asInt() > MAX_COUNT) {
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
