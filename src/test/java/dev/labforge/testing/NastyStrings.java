package dev.labforge.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings built from the pieces that break naive escaping in some output language: quotes,
 * backslashes, template openers of HCL/Ruby/shell, line ends a YAML or heredoc reader treats
 * specially, and non-ASCII text including an astral code point.
 */
public final class NastyStrings {
  static final List<String> PIECES = List.of(
      "${", "%{", "#{", "}", "$${", "%%{", "$", "%", "#", "\"", "'", "`", "\\", "\\n", "\n", "\r\n", "\r",
      "\t", " ", "  ", "EOF", "\nEOF\n", "- ", ": ", "? ", "&a", "*a", "!!str", "|", ">", "---", "...",
      "é", "✓", "中文", "😀", "\u2028", "\u0085", "\u00a0", "\u007f", "null", "yes", "0644", "1e3",
      "a", "b", "x y", ";", "&&", "$(id)", "<<", "~");

  private NastyStrings() {}

  /** Any mix of the pieces, including the empty string. */
  public static Arbitrary<String> any() {
    return Arbitraries.of(PIECES).list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  /** Also arbitrary BMP and astral characters, without unpaired surrogates or NUL. */
  public static Arbitrary<String> anyWithRandomText() {
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(8)
        .filter(s -> s.indexOf('\u0000') < 0 && wellFormed(s));
    return Arbitraries.oneOf(any(), random, Arbitraries.of(PIECES).list().ofMaxSize(4)
        .flatMap(parts -> random.map(r -> String.join(r, parts))));
  }

  public static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
