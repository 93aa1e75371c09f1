package dev.labforge.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON output in one canonical shape: two-space indent, {@code "key": value}, LF, final newline. */
public final class Json {
  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(indent)
        .withArrayIndenter(indent)
        .withSeparators(separators);
    WRITER = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build()
        .writer(printer);
  }

  private Json() {}

  /** Something that writes one JSON value to a generator. */
  @FunctionalInterface
  public interface Writing {
    void to(com.fasterxml.jackson.core.JsonGenerator generator) throws java.io.IOException;
  }

  /** As {@link #pretty}, for a value written piece by piece instead of built as a tree first: UTF-8 bytes. */
  public static byte[] stream(Writing writing) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      stream(writing, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** As {@link #stream(Writing)}, into {@code out} (which stays open). */
  public static void stream(Writing writing, java.io.OutputStream out) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g = WRITER.createGenerator(out)
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      writing.to(g);
    }
    out.write('\n');
  }

  public static String pretty(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
