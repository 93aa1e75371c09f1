package dev.labforge.render;

import java.nio.charset.StandardCharsets;

/**
 * One output file, relative to {@code out/<lab>/}. {@code origin} names the template (or code)
 * that made it, for error messages; {@code schema} is the packed schema the parsed file must
 * pass, or null for files that have none (ISO images, shell scripts).
 */
public record RenderedFile(String path, byte[] content, String origin, Format format, String schema) {

  public static RenderedFile text(String path, String content, String origin, Format format, String schema) {
    return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8), origin, format, schema);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
