package dev.labforge.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of HCL2 native syntax (Packer and Terraform files). It reports every syntax
 * error HashiCorp's parser reports, with {@code file:line:col}, and gives the JSON tree that
 * hcl2json ({@code @cdktf/hcl2json}) gives, so schemas can check what the real tools will read.
 */
public final class HclReader {
  private HclReader() {}

  public static JsonNode parse(String fileName, String text) throws HclSyntaxException {
    Source src = new Source(fileName, text);
    return sorted(new Converter(src).body(Parser.parse(src)));
  }

  /** Object keys in byte order of their UTF-8, as Go's encoding/json writes maps. */
  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        entries.add(it.next());
      }
      entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      entries.forEach(e -> out.set(e.getKey(), sorted(e.getValue())));
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      a.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
