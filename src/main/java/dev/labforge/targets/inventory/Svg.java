package dev.labforge.targets.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      doc = builder.parse(new ByteArrayInputStream(file.content()));
    } catch (Exception e) {
      throw new RenderException(file.origin(), file.path() + " does not parse back as XML: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("element", root.getLocalName());
    node.put("namespace", root.getNamespaceURI() == null ? "" : root.getNamespaceURI());
    node.put("width", root.getAttribute("width"));
    node.put("height", root.getAttribute("height"));
    var machines = node.putArray("machines");
    NodeList groups = root.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if ("machine".equals(g.getAttribute("class"))) {
        machines.add(g.getAttribute("id"));
      }
    }
    return node;
  }
}
