package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.file.Path;
import java.util.List;

/** Test access to Xen's own parser (libxlutil through xlcfg.py), gated like every real tool. */
final class XenParser {
  private XenParser() {}

  static void require() {
    RealTools.require(XlUtil.PYTHON, XlUtil.LIBRARY);
  }

  static JsonNode read(Path dir, List<String> files) throws Exception {
    return XlUtil.read(Tools.system(), dir, files);
  }

  static JsonNode disks(List<String> specs) throws Exception {
    return XlUtil.disks(Tools.system(), specs);
  }

  /** The line number in the parser's first message ("file:LINE: ..."), or -1. */
  static int line(String messages) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[^\n]*?:(\\d+): ").matcher(messages);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** A value from the parser's JSON as a Java reader value (libxlutil keeps no number flag). */
  static XlConfig.Value value(JsonNode node) {
    if (node.isArray()) {
      List<XlConfig.Value> items = new java.util.ArrayList<>();
      node.forEach(n -> items.add(value(n)));
      return new XlConfig.Items(items);
    }
    return new XlConfig.Text(node.asText(), false);
  }

  /** The Java reader's value without its number flags, as libxlutil keeps it. */
  static XlConfig.Value plain(XlConfig.Value v) {
    if (v instanceof XlConfig.Items items) {
      return new XlConfig.Items(items.items().stream().map(XenParser::plain).toList());
    }
    return new XlConfig.Text(((XlConfig.Text) v).text(), false);
  }
}
