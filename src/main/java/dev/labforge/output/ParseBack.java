package dev.labforge.output;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.output.hcl.HclReader;
import dev.labforge.output.hcl.HclSyntaxException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.io.IOException;

/** Reads a rendered file back the way its consumer will, into a tree for its schema. */
public final class ParseBack {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  private ParseBack() {}

  public static JsonNode parse(RenderedFile file) throws RenderException {
    try {
      return switch (file.format()) {
        case JSON -> JSON.readTree(file.content());
        case YAML -> YAML.readTree(file.content());
        case HCL -> HclReader.parse(file.path(), file.text());
        default -> throw new RenderException(file.origin(),
            file.path() + " has a schema but format " + file.format() + " cannot be parsed back");
      };
    } catch (HclSyntaxException e) {
      throw new RenderException(file.origin(), "does not parse back as HCL: " + e.getMessage());
    } catch (IOException e) {
      throw new RenderException(file.origin(), file.path() + " does not parse back as "
          + file.format() + ": " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
