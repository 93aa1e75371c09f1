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

  /**
   * The text of some code points, with a space put between a supplementary character and a
   * combining mark right after it. Go's Unicode NFC (x/text, which cty applies to every HCL
   * string) composes such a pair as if the first were its low 16 bits: U+10059 U+0301 comes out
   * as U+00DD in hcl2json and in packer 1.6.6 alike. That is their bug, not labforge's to copy;
   * docs/targets/packer.md names it.
   */
  public static String withoutGoComposeBug(java.util.List<Integer> codePoints) {
    StringBuilder sb = new StringBuilder();
    int previous = 0;
    for (int cp : codePoints) {
      int type = Character.getType(cp);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK;
      if (mark && previous > 0xFFFF) {
        sb.append(' ');
      }
      sb.appendCodePoint(cp);
      previous = cp;
    }
    return sb.toString();
  }
}
