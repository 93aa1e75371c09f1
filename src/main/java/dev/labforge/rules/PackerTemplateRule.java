package dev.labforge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.Reporter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An image's source URL and checksum reach Packer's {@code iso_url} and {@code iso_checksum}, which
 * Packer 1.6.6 renders with its Go template engine after HCL has evaluated them, through a variable
 * too (measured: {@code {{ nosuchfunc }}} there fails {@code packer validate}, {@code {{ .Name }}} is
 * replaced). Packer offers no field that carries the value unrendered, so a value that could start a
 * template action is refused here; every other spec string that reaches a rendered Packer field is
 * limited by the schema to characters without braces (names) or travels in an uploaded file.
 */
final class PackerTemplateRule implements Rule {
  private static final List<String> RENDERED = List.of("url", "checksum");

  @Override
  public void check(JsonNode spec, Reporter report) {
    JsonNode images = spec.path("images");
    for (Iterator<Map.Entry<String, JsonNode>> it = images.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> image = it.next();
      JsonNode source = image.getValue().path("source");
      for (String key : RENDERED) {
        JsonNode value = source.path(key);
        if (value.isTextual() && value.asText().contains("{{")) {
          report.at("/images/" + LocatedTree.escape(image.getKey()) + "/source/" + key,
              "Packer reads \"{{\" as the start of a Go template and would change this value; write { as %7B");
        }
      }
    }
  }
}
