package dev.labforge.render;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.render.hcl.HclReader;
import dev.labforge.render.hcl.HclSyntaxException;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/** The output languages several targets write, each with the reader its consumer uses. */
public final class Formats {
  private static final JsonMapper JSON_MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final YAMLMapper YAML_MAPPER = new YAMLMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .loaderOptions(yamlLimits())
      .build());

  /** YAML 1.1, as cloud-init's PyYAML reads it. */
  public static final Format YAML = new Reader("YAML", f -> YAML_MAPPER.readTree(f.content()));
  public static final Format JSON = new Reader("JSON", f -> JSON_MAPPER.readTree(f.content()));
  /** HCL2 native syntax (Packer, Terraform). */
  public static final Format HCL = new Reader("HCL", f -> HclReader.parse(f.path(), f.text()));
  /** Ruby is not read back: the Vagrantfile's view model is schema-checked before rendering. */
  public static final Format RUBY = new Reader("RUBY", null);
  public static final Format TEXT = new Reader("TEXT", null);
  public static final Format BINARY = new Reader("BINARY", null);

  private Formats() {}

  // SnakeYAML stops at 3 MB by default; a file labforge may write must also read back
  private static LoaderOptions yamlLimits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(OutputTooLargeException.MAX_BYTES);
    return options;
  }

  /** How one language is read. */
  @FunctionalInterface
  interface Parser {
    JsonNode parse(RenderedFile file) throws IOException, HclSyntaxException;
  }

  private record Reader(String name, Parser parser) implements Format {
    @Override
    public JsonNode parse(RenderedFile file) throws RenderException {
      if (parser == null) {
        throw new RenderException(file.origin(),
            file.path() + " has a schema but format " + name + " cannot be parsed back");
      }
      try {
        return parser.parse(file);
      } catch (HclSyntaxException e) {
        throw new RenderException(file.origin(), "does not parse back as HCL: " + e.getMessage());
      } catch (IOException e) {
        throw new RenderException(file.origin(), file.path() + " does not parse back as " + name + ": "
            + firstLine(e.getMessage()));
      }
    }

    @Override
    public String toString() {
      return name;
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
