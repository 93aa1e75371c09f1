package dev.labforge.target.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every spec's .tf files as HashiCorp's parser reads them, parsed in one node run (starting node
 * and its wasm parser is the slow part) and kept for all tests of this package.
 */
final class Parsed {
  private static Map<Path, Map<String, JsonNode>> trees;

  private Parsed() {}

  /** File path (terraform/openstack/main.tf ...) to its hcl2json tree. */
  static synchronized Map<String, JsonNode> files(Path spec) throws Exception {
    if (trees == null) {
      List<RenderedFile> all = new ArrayList<>();
      for (Path s : Specs.all()) {
        for (RenderedFile f : new TerraformTarget().render(Specs.lab(s), new Templates())) {
          all.add(new RenderedFile(Specs.id(s) + "/" + f.path(), f.content(), f.origin(), f.format(), f.schema()));
        }
      }
      Map<String, JsonNode> parsed = Hcl2Json.parse(all);
      trees = new HashMap<>();
      for (Path s : Specs.all()) {
        String prefix = Specs.id(s) + "/";
        Map<String, JsonNode> own = new LinkedHashMap<>();
        parsed.forEach((name, tree) -> {
          if (name.startsWith(prefix)) {
            own.put(name.substring(prefix.length()), tree);
          }
        });
        trees.put(s, own);
      }
    }
    return trees.get(spec);
  }

  static TfConfig config(Path spec) throws Exception {
    return new TfConfig(files(spec).values());
  }
}
