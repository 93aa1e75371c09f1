package dev.labforge.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.hcl.HclReader;
import dev.labforge.hcl.HclSyntaxException;
import dev.labforge.schema.SchemaValidator;
import java.io.IOException;
import java.util.List;
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
  public static final Format YAML = new Reader("YAML", f -> YAML_MAPPER.readTree(f.content()),
      f -> YAML_MAPPER.createParser(f.open()));
  public static final Format JSON = new Reader("JSON", f -> JSON_MAPPER.readTree(f.content()),
      f -> JSON_MAPPER.createParser(f.open()));
  /** HCL2 native syntax (Packer, Terraform). */
  public static final Format HCL = new Reader("HCL", f -> HclReader.parse(f.path(), f.text()), null);
  /** Ruby is not read back: the Vagrantfile's view model is schema-checked before rendering. */
  public static final Format RUBY = new Reader("RUBY", null, null);
  public static final Format TEXT = new Reader("TEXT", null, null);
  public static final Format BINARY = new Reader("BINARY", null, null);

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

  /** A parser over the file's tokens, its codec the language's mapper. */
  @FunctionalInterface
  interface Tokens {
    JsonParser open(RenderedFile file) throws IOException;
  }

  private record Reader(String name, Parser parser, Tokens tokens) implements Format {
    @Override
    public List<SchemaValidator.Problem> check(RenderedFile file, String schema) throws RenderException {
      if (tokens == null) {
        return Format.super.check(file, schema);
      }
      try (JsonParser stream = tokens.open(file)) {
        return SchemaValidator.validate(schema, stream);
      } catch (IOException e) {
        throw unreadable(file, e);
      }
    }

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
        throw unreadable(file, e);
      }
    }

    private RenderException unreadable(RenderedFile file, IOException e) {
      return new RenderException(file.origin(), file.path() + " does not parse back as " + name + ": "
          + firstLine(e.getMessage()));
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
