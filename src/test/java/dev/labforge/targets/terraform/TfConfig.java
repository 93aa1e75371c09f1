package dev.labforge.targets.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The four parsed .tf files of one lab seen as one Terraform module, for assertions. */
final class TfConfig {
  private final ObjectNode locals = new ObjectMapper().createObjectNode();
  private final List<JsonNode> files;

  TfConfig(Collection<JsonNode> parsedFiles) {
    this.files = new ArrayList<>(parsedFiles);
    for (JsonNode file : files) {
      file.path("locals").forEach(block -> locals.setAll((ObjectNode) block));
    }
  }

  JsonNode local(String name) {
    return locals.path(name);
  }

  /** The body of {@code resource "type" "name"}, or a missing node. */
  JsonNode resource(String type, String name) {
    return block("resource", type, name);
  }

  JsonNode data(String type, String name) {
    return block("data", type, name);
  }

  JsonNode variable(String name) {
    return first("variable", name);
  }

  JsonNode output(String name) {
    return first("output", name);
  }

  /** Every resource type used, with its names, as "type.name". */
  List<String> resourceAddresses() {
    List<String> out = new ArrayList<>();
    for (JsonNode file : files) {
      file.path("resource").fields().forEachRemaining(t ->
          t.getValue().fieldNames().forEachRemaining(n -> out.add(t.getKey() + "." + n)));
    }
    return out;
  }

  /** Every string anywhere in the configuration, for "this never appears" checks. */
  List<String> allStrings() {
    List<String> out = new ArrayList<>();
    files.forEach(f -> collect(f, out));
    return out;
  }

  /**
   * A literal string as Terraform reads it: hcl2json keeps Terraform's JSON template syntax, where
   * "$${" and "%%{" stand for a literal "${" and "%{".
   */
  static String literal(JsonNode node) {
    String s = node.asText();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
        out.append(s.charAt(i)).append('{');
        i += 2;
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  private JsonNode block(String kind, String type, String name) {
    for (JsonNode file : files) {
      JsonNode found = file.path(kind).path(type).path(name);
      if (!found.isMissingNode()) {
        return found.get(0);
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private JsonNode first(String kind, String name) {
    for (JsonNode file : files) {
      JsonNode found = file.path(kind).path(name);
      if (!found.isMissingNode()) {
        return found.get(0);
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.fieldNames().forEachRemaining(out::add);
    node.forEach(child -> collect(child, out));
  }
}
