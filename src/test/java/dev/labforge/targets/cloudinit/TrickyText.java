package dev.labforge.targets.cloudinit;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Text that breaks naive YAML writers: quotes, backslashes, template openers of every target,
 * newlines, a line EOF, tabs, trailing blanks, CR, YAML indicators, line separators, controls,
 * and any Unicode code point (astral ones too; never a lone surrogate, which no spec can hold).
 */
final class TrickyText {
  static final List<String> TOKENS = List.of(
      "\"", "'", "\\", "\\n", "${", "%{", "#{", "}", "$(x)", "`x`", "\n", "EOF", "\nEOF\n", "\t", "   ", " \n",
      "\r", "\r\n", "é", "✓", "🦊", "\uD835\uDD4F", ": ", "- ", "# ", "#", "---", "...", "|", ">", "&a", "*a",
      "!tag", "\u0085", "\u2028", "\u2029", "\u00a0", "\uFEFF", "\u0000", "\u0007", "\u001b", "\u007f", "\u009f",
      "yes", "null", "~", "0x1F", "1e3", "<#if x>", "${x}", "[", "{", ",", "\uFFFD", "\uFFFE");

  private TrickyText() {}

  static Arbitrary<String> any() {
    Arbitrary<String> codePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .map(Character::toString);
    return Arbitraries.oneOf(Arbitraries.of(TOKENS), codePoint, Arbitraries.strings().alpha().ofMaxLength(6))
        .list().ofMaxSize(14).map(parts -> String.join("", parts));
  }

  /** The same mix from a seeded Random, for a fixed batch. */
  static String sample(Random random) {
    StringBuilder out = new StringBuilder();
    int parts = random.nextInt(15);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(3)) {
        case 0 -> out.append(TOKENS.get(random.nextInt(TOKENS.size())));
        case 1 -> {
          int cp;
          do {
            cp = random.nextInt(Character.MAX_CODE_POINT + 1);
          } while (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
          out.appendCodePoint(cp);
        }
        default -> out.append("word".substring(0, 1 + random.nextInt(4)));
      }
    }
    return out.toString();
  }
}
