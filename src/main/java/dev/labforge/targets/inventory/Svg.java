package dev.labforge.targets.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SVG read back as XML (no DTD, no external entities), summed up for its schema: the root element,
 * its namespace and size, and the ids of the machine groups.
 */
final class Svg {
  static final Format FORMAT = new Format() {
    @Override
    public String name() {
      return "SVG";
    }

    @Override
    public JsonNode parse(RenderedFile file) throws RenderException {
      return summary(file);
    }
  };

  private Svg() {}

  static JsonNode summary(RenderedFile file) throws RenderException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode machines = JsonNodeFactory.instance.arrayNode();
    try (java.io.InputStream in = file.open()) {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      // read as a stream: a big lab's drawing (7 MB for 10,000 machines) is never a DOM in memory
      factory.newSAXParser().parse(in, new DefaultHandler() {
        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
          if (node.isEmpty()) {
            node.put("element", local);
            node.put("namespace", uri);
            node.put("width", value(attributes, "width"));
            node.put("height", value(attributes, "height"));
          } else if ("g".equals(local) && "machine".equals(attributes.getValue("class"))) {
            machines.add(value(attributes, "id"));
          }
        }
      });
    } catch (Exception e) {
      throw new RenderException(file.origin(), file.path() + " does not parse back as XML: " + e.getMessage());
    }
    node.set("machines", machines);
    return node;
  }

  // a missing attribute reads as "", as a DOM's getAttribute gives it
  private static String value(Attributes attributes, String name) {
    String value = attributes.getValue(name);
    return value == null ? "" : value;
  }
}
