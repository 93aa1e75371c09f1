package dev.labforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** Tree equality as hcl2json's output allows: node reads numbers as doubles, so they compare so. */
public final class HclTrees {
  private HclTrees() {}

  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return false;
    }
    if (a.isObject()) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!b.has(k) || !same(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Undoes hcl2json's doubling of {@code ${} and {@code %{} in literal text. */
  public static String literal(String json) {
    return json.replace("%%{", "%{").replace("$${", "${");
  }
}
