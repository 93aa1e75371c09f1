package dev.labforge.targets.libvirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a libvirt XML file back into a tree a JSON Schema can check: an element is an object,
 * its attributes are keys with a leading "@", its child elements are arrays under their names (in
 * document order, so a repeated element stays a list), and its non-blank text is "#text".
 * {@code <domain type='qemu'><name>a</name></domain>} becomes
 * {@code {"domain": [{"@type": "qemu", "name": [{"#text": "a"}]}]}}. DOCTYPEs are refused.
 */
public final class XmlTree {
  /** libvirt's XML, read back as above. */
  public static final Format FORMAT = new Format() {
    @Override
    public String name() {
      return "XML";
    }

    @Override
    public JsonNode parse(RenderedFile file) throws RenderException {
      try {
        return XmlTree.parse(file.content());
      } catch (IOException e) {
        throw new RenderException(file.origin(), file.path() + " does not parse back as XML: " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return name();
    }
  };

  private XmlTree() {}

  public static JsonNode parse(byte[] xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      });
      Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
      ObjectNode tree = JsonNodeFactory.instance.objectNode();
      tree.putArray(root.getTagName()).add(element(root));
      return tree;
    } catch (SAXException e) {
      throw new IOException(e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode element(Element e) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      node.put("@" + a.getNodeName(), a.getNodeValue());
    }
    StringBuilder text = new StringBuilder();
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element c) {
        JsonNode list = node.get(c.getTagName());
        ArrayNode array = list instanceof ArrayNode a ? a : node.putArray(c.getTagName());
        array.add(element(c));
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!text.toString().isBlank()) {
      node.put("#text", text.toString());
    }
    return node;
  }
}
