package dev.labforge.render;

import dev.labforge.model.Ids;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output file, relative to {@code out/<lab>/}. {@code origin} names the template (or code)
 * that made it, for error messages; {@code schema} is the packed schema the parsed file must
 * pass, or null for files that have none (ISO images, shell scripts). A big file written while
 * {@code gen} renders is {@code spooled}: its bytes are on disk in the staging folder, not here.
 */
public record RenderedFile(String path, byte[] content, String origin, Format format, String schema, Spooled spooled) {

  /** A file's bytes on disk, with the size and sha256 measured while they were written. */
  public record Spooled(Path file, long size, String sha256) {}

  public RenderedFile(String path, byte[] content, String origin, Format format, String schema) {
    this(path, content, origin, format, schema, null);
  }

  public static RenderedFile text(String path, String content, String origin, Format format, String schema) {
    return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8), origin, format, schema);
  }

  /** The bytes, read whole from disk for a spooled file: a reader that needs them all at once. */
  @Override
  public byte[] content() {
    if (spooled == null) {
      return content;
    }
    try {
      return Files.readAllBytes(spooled.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long size() {
    return spooled == null ? content.length : spooled.size();
  }

  /** The bytes as a stream, from disk for a spooled file. */
  public InputStream open() throws IOException {
    return spooled == null ? new ByteArrayInputStream(content) : Files.newInputStream(spooled.file());
  }

  public String sha256() {
    return spooled == null ? Ids.sha256Hex(content) : spooled.sha256();
  }

  public String text() {
    return new String(content(), StandardCharsets.UTF_8);
  }
}
