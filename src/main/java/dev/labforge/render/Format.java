package dev.labforge.render;

import com.fasterxml.jackson.databind.JsonNode;

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
}
