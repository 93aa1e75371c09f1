package dev.labforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.schema.SchemaValidator;
import java.util.List;

/**
 * An output language as labforge reads it back before writing: with the parser its consumer
 * uses, into a tree for the file's schema. The shared languages are in {@link Formats}; a language
 * only one target writes may live in that target's package.
 */
public interface Format {
  /** Shown in error messages, e.g. "YAML". */
  String name();

  /** The file as its consumer reads it; throws when it does not parse or cannot be read back. */
  JsonNode parse(RenderedFile file) throws RenderException;

  /**
   * The file's problems against {@code schema}, read as its consumer reads it. A language read as a
   * stream checks a long root list item by item instead of as one tree (a big lab's LXD preseed).
   */
  default List<SchemaValidator.Problem> check(RenderedFile file, String schema) throws RenderException {
    return SchemaValidator.validate(schema, parse(file));
  }
}
