package dev.labforge.targets.packer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.hcl.HclReader;
import dev.labforge.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: a rendered tree's files by path, and templates read back with our HCL reader. */
final class Trees {
  private Trees() {}

  static Optional<RenderedFile> file(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  static JsonNode read(RenderedFile file) throws Exception {
    return HclReader.parse(file.path(), file.text());
  }

  /** hcl2json doubles ${ and %{ in literal text; this is the string Packer itself sees. */
  static String literal(JsonNode node) {
    return node.asText().replace("%%{", "%{").replace("$${", "${");
  }

  static List<String> literals(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(literal(n)));
    return out;
  }

  static JsonNode build(JsonNode template) {
    return template.get("build").get(0);
  }

  static List<JsonNode> shells(JsonNode template) {
    List<JsonNode> out = new ArrayList<>();
    build(template).get("provisioner").get("shell").forEach(out::add);
    return out;
  }

  static Map<String, JsonNode> sources(JsonNode template, String builder) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    JsonNode byName = template.path("source").path(builder);
    byName.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().get(0)));
    return out;
  }
}
