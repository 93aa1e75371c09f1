package dev.labforge.targets.terraform;

import dev.labforge.testing.Rendered;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.hcl.HclReader;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A spec's .tf files as our strict HCL reader reads them (the differential test ties it to hcl2json). */
final class Parsed {
  private Parsed() {}

  static List<RenderedFile> render(Path spec) throws Exception {
    return Rendered.of(new TerraformTarget(), Specs.lab(spec), new TemplateRenderer());
  }

  /** File path (terraform/openstack/main.tf ...) to its tree, in hcl2json's shape. */
  static Map<String, JsonNode> files(Path spec) throws Exception {
    Map<String, JsonNode> trees = new LinkedHashMap<>();
    for (RenderedFile f : render(spec)) {
      trees.put(f.path(), HclReader.parse(f.path(), f.text()));
    }
    return trees;
  }

  static TfConfig config(Path spec) throws Exception {
    return new TfConfig(files(spec).values());
  }
}
