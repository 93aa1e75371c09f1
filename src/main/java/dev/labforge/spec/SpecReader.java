package dev.labforge.spec;

import dev.labforge.spec.Diagnostics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Turns the bytes of a spec into a {@link LocatedTree}, refusing oversized or non-UTF-8 input. */
public final class SpecReader {
  private SpecReader() {}

  public static LocatedTree read(String name, byte[] bytes, Path dir) throws SpecSyntaxException {
    if (bytes.length > Limits.MAX_BYTES) {
      SourceText empty = new SourceText(name, "", dir);
      Diagnostics problems = new Diagnostics(empty);
      problems.error(Position.NONE, "", "the spec is larger than the limit of " + Limits.MAX_BYTES + " bytes");
      throw new SpecSyntaxException(problems);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      Diagnostics problems = new Diagnostics(new SourceText(name, "", dir));
      problems.error(Position.NONE, "", "the spec is not valid UTF-8");
      throw new SpecSyntaxException(problems);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    SourceText source = new SourceText(name, text, dir);
    return isJson(name, text) ? new JsonSpecReader(source).read() : new YamlSpecReader(source).read();
  }

  private static boolean isJson(String name, String text) {
    return name.endsWith(".json") || text.stripLeading().startsWith("{");
  }
}
