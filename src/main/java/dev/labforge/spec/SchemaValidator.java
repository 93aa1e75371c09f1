package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
      .regularExpressionFactory(dev.labforge.spec.WholeStringPatterns.INSTANCE)
      .build();
  private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

  /** One schema violation. {@code atKey} asks that the caret point at the key, not its value. */
  public record Problem(String pointer, boolean atKey, String message) {}

  private record Loaded(JsonNode raw, JsonSchema schema) {}

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
      java.util.concurrent.ForkJoinPool.commonPool().execute(() -> load(r));
    }
  }

  public static List<Problem> validate(String resource, JsonNode instance) {
    Loaded loaded = load(resource);
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage message : loaded.schema().validate(instance)) {
      problems.add(SchemaMessages.describe(message, loaded.raw()));
    }
    return problems;
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
        return new Loaded(raw, schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
