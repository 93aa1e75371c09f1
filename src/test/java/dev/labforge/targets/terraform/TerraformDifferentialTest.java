package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.hcl.HclReader;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Hcl2Json;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HashiCorp's parser (hcl2json) reads every .tf file of every spec, into exactly our reader's tree. */
class TerraformDifferentialTest {

  @Test
  void hcl2jsonAndOurReaderAgreeOnEveryFile() throws Exception {
    Hcl2Json.require();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path spec : Specs.all()) {
      for (RenderedFile f : Parsed.render(spec)) {
        texts.put(Specs.id(spec) + "/" + f.path(), f.text());
      }
    }
    assertThat(texts).hasSize(4 * Specs.all().size());
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(texts);
    for (Map.Entry<String, String> file : texts.entrySet()) {
      Hcl2Json.Result result = theirs.get(file.getKey());
      assertThat(result.error()).as(file.getKey()).isNull();
      assertThat(numbersAsDoubles(HclReader.parse(file.getKey(), file.getValue())))
          .as(file.getKey()).isEqualTo(numbersAsDoubles(result.tree()));
    }
  }

  /** node reads every number as a double; so does this comparison. */
  static JsonNode numbersAsDoubles(JsonNode node) {
    if (node.isNumber()) {
      return DoubleNode.valueOf(node.doubleValue());
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), numbersAsDoubles(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(numbersAsDoubles(item)));
      return out;
    }
    return node;
  }
}
