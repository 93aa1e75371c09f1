package dev.labforge.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files a spec refers to (scripts), relative to the spec's folder, and never outside it:
 * not by "..", not by an absolute path, not through a symlink. Built-in examples read from the jar.
 */
public final class SpecFiles {
  public static final int MAX_BYTES = 1024 * 1024;

  /** Either text or a problem, never both. */
  public record Result(String text, String problem) {}

  private SpecFiles() {}

  /** Empty string when the path is acceptable as written, else the problem. */
  public static String pathProblem(String relative) {
    if (relative.isEmpty()) {
      return "the path is empty";
    }
    if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*") || relative.startsWith("~")) {
      return "the path must be relative to the spec's folder, not absolute";
    }
    if (relative.contains("\\") || relative.contains("\u0000")) {
      return "the path may not contain backslashes or NUL";
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.equals("..")) {
        return "the path may not leave the spec's folder ('..')";
      }
      if (segment.isEmpty()) {
        return "the path has an empty segment";
      }
    }
    return "";
  }

  public static Result read(SourceText source, String relative) {
    String problem = pathProblem(relative);
    if (!problem.isEmpty()) {
      return new Result(null, problem);
    }
    try {
      byte[] bytes = source.dir() == null ? fromJar(relative) : fromDisk(source.dir(), relative);
      if (bytes == null) {
        return new Result(null, "no such file: " + relative);
      }
      if (bytes.length > MAX_BYTES) {
        return new Result(null, "the file is larger than " + MAX_BYTES + " bytes");
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new Result(text, null);
    } catch (CharacterCodingException e) {
      return new Result(null, "the file is not UTF-8 text");
    } catch (SecurityException e) {
      return new Result(null, e.getMessage());
    } catch (IOException e) {
      return new Result(null, "cannot read " + relative + ": " + e.getMessage());
    }
  }

  private static byte[] fromDisk(Path dir, String relative) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    Path file = base.resolve(relative).normalize();
    if (!Files.isRegularFile(file)) {
      return null;
    }
    if (!file.toRealPath().startsWith(base.toRealPath())) {
      throw new SecurityException("the path leads outside the spec's folder through a symlink");
    }
    // The size first: a sparse file of terabytes reads as zeros, and would be read whole.
    if (Files.size(file) > MAX_BYTES) {
      return new byte[MAX_BYTES + 1];
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }

  private static byte[] fromJar(String relative) throws IOException {
    try (InputStream in = SpecFiles.class.getClassLoader().getResourceAsStream("examples/" + relative)) {
      return in == null ? null : in.readNBytes(MAX_BYTES + 1);
    }
  }
}
