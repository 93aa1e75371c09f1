package dev.labforge.target.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.target.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target is registered, and its templates, schemas, index lines, docs and goldens exist. */
class CloudInitConventionTest {
  static final List<String> SCHEMAS = List.of("user-data", "meta-data", "network-config", "meta_data", "network_data");

  @Test
  void everyPieceOfTheTargetExists() throws Exception {
    assertThat(Targets.byId(CloudInitTarget.ID)).containsInstanceOf(CloudInitTarget.class);
    for (String t : List.of("user-data", "meta-data", "network-config")) {
      assertThat(Path.of("templates/cloud-init/" + t + ".ftl")).isRegularFile();
    }
    List<String> index = Files.readAllLines(Path.of("schemas/index.txt"));
    for (String s : SCHEMAS) {
      assertThat(Path.of(CloudInitTarget.schema(s))).isRegularFile();
      assertThat(index).contains("cloud-init/" + s);
    }
    assertThat(Path.of("docs/targets/cloud-init.md")).isRegularFile();
    assertThat(Path.of("src/test/resources/golden/lpic3-353/cloud-init")).isDirectory();
  }

  @Test
  void everySchemaPropertyHasADescription() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String s : SCHEMAS) {
      JsonNode schema = new ObjectMapper().readTree(Path.of(CloudInitTarget.schema(s)).toFile());
      walk(schema, s + ":", missing);
    }
    assertThat(missing).isEmpty();
  }

  private static void walk(JsonNode node, String at, List<String> missing) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, missing);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (String key : List.of("properties", "$defs")) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node.path(key)::fields) {
        if (!e.getValue().has("description")) {
          missing.add(at + "/" + key + "/" + e.getKey());
        }
      }
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (node.path(key).isObject() && !node.get(key).has("description")) {
        missing.add(at + "/" + key);
      }
    }
    node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), missing));
  }
}
