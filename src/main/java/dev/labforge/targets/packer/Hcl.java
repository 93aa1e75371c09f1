package dev.labforge.targets.packer;

import dev.labforge.render.Escape;
import java.util.List;
import java.util.Map;

/**
 * HCL expressions as text, for the view model: every user string goes through {@link Escape#hcl};
 * paths next to the template are anchored at {@code path.root} so packer can run from anywhere.
 */
final class Hcl {
  private Hcl() {}

  static String str(String s) {
    return Escape.hcl(s);
  }

  /** {@code "${path.root}/<relative>"}; the relative part is escaped like any string. */
  static String underRoot(String relative) {
    String inner = Escape.hcl(relative);
    return "\"${path.root}/" + inner.substring(1);
  }

  /** {@code "${<reference>}<suffix>"}, e.g. a folder below a local. */
  static String refWith(String reference, String suffix) {
    String inner = Escape.hcl(suffix);
    return "\"${" + reference + "}" + inner.substring(1);
  }

  /** A list; one item per line when it has more than one, indented for an attribute at {@code indent}. */
  static String list(List<String> items, int indent) {
    if (items.size() <= 1) {
      return "[" + String.join(", ", items) + "]";
    }
    StringBuilder out = new StringBuilder("[\n");
    for (String item : items) {
      out.append(" ".repeat(indent + 2)).append(item).append(",\n");
    }
    return out.append(" ".repeat(indent)).append(']').toString();
  }

  static String strings(List<String> items, int indent) {
    return list(items.stream().map(Hcl::str).toList(), indent);
  }

  /** An object of string values, one key per line, keys quoted. */
  static String map(Map<String, String> entries, int indent) {
    StringBuilder out = new StringBuilder("{\n");
    entries.forEach((k, v) -> out.append(" ".repeat(indent + 2)).append(str(k)).append(" = ").append(str(v))
        .append('\n'));
    return out.append(" ".repeat(indent)).append('}').toString();
  }
}
