package dev.labforge.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.labforge.spec.Prefetch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a JSON tree against one of the schemas packed under {@code schemas/} and turns the
 * validator's messages into short, pointer-addressed problems with our own wording.
 */
public final class SchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaMappers(m -> m.mapPrefix("https://labforge.dev/schemas/", "classpath:schemas/")));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(true)
      .regularExpressionFactory(WholeStringPatterns.INSTANCE)
      .build();
  private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

  /** One schema violation. {@code atKey} asks that the caret point at the key, not its value. */
  public record Problem(String pointer, boolean atKey, String message) {}

  private record Loaded(JsonNode raw, JsonSchema schema, PatternMessages patterns) {}

  private SchemaValidator() {}

  /** The schema text as packed in the jar, e.g. {@code schemas/lab-spec.schema.json}. */
  public static JsonNode raw(String resource) {
    return load(resource).raw();
  }

  /**
   * Loads and compiles {@code resources} on another core while the caller goes on: a schema is
   * compiled once per run, and the first file to need it then finds it ready.
   */
  public static void prefetch(List<String> resources) {
    for (String r : resources) {
      Prefetch.start(() -> load(r));
    }
  }

  public static List<Problem> validate(String resource, JsonNode instance) {
    Loaded loaded = load(resource);
    List<Problem> problems = describe(loaded.schema(), loaded, instance);
    problems.sort(DOCUMENT_ORDER);
    return problems;
  }

  /**
   * Problems in the order of the document (list items by number), those at one place in the
   * validator's order: the first problem is the same whether a file is checked whole or item by item.
   */
  static final Comparator<Problem> DOCUMENT_ORDER = (a, b) -> comparePointers(a.pointer(), b.pointer());

  static int comparePointers(String a, String b) {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].matches("\\d+") && y[i].matches("\\d+")
          ? new BigInteger(x[i]).compareTo(new BigInteger(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * Checks the document {@code parser} reads (its codec builds the trees) without holding a long
   * root list whole ({@link ItemWise}); the same problems as {@link #validate(String, JsonNode)}.
   * Throws what the parser throws when the text does not parse.
   */
  public static List<Problem> validate(String resource, JsonParser parser) throws IOException {
    Loaded loaded = load(resource);
    return ItemWise.check(loaded.raw(), parser, tree -> validate(resource, tree),
        (field, item) -> describe(items(resource, field), loaded, item));
  }

  /**
   * As {@link #validate(String, JsonParser)} for a document made in memory ({@link ItemWise}):
   * {@code root}'s list {@code field} holds at most its first item, {@code rest} makes the others.
   */
  public static List<Problem> validate(String resource, ObjectNode root, String field, Iterator<JsonNode> rest) {
    Loaded loaded = load(resource);
    return ItemWise.check(loaded.raw(), root, field, rest, tree -> validate(resource, tree),
        (f, item) -> describe(items(resource, f), loaded, item));
  }

  private static List<Problem> describe(JsonSchema schema, Loaded document, JsonNode instance) {
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(instance)) {
      problems.add(SchemaMessages.describe(message, document.raw(), document.patterns()));
    }
    return problems;
  }

  // the items schema of a root list, compiled once and kept beside its document's
  private static JsonSchema items(String resource, String field) {
    Loaded root = load(resource); // outside the map's lock: no update inside another
    return CACHE.computeIfAbsent(resource + "#/properties/" + field + "/items", key -> {
      JsonSchema items = root.schema().getSubSchema(new JsonNodePath(PathType.JSON_POINTER)
          .append("properties").append(field).append("items"));
      items.initializeValidators();
      return new Loaded(root.raw(), items, root.patterns());
    }).schema();
  }

  private static Loaded load(String resource) {
    return CACHE.computeIfAbsent(resource, r -> {
      try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("schema not packed in the jar: " + r);
        }
        JsonNode raw = JSON.readTree(in);
        JsonSchema schema = FACTORY.getSchema(raw, CONFIG);
        // built whole here, inside the map's lock: no thread ever sees a half-built schema
        schema.initializeValidators();
        return new Loaded(raw, schema, PatternMessages.of(raw));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
