package dev.labforge.spec;

import java.util.Optional;

/**
 * A string may hold half of a UTF-16 surrogate pair without the other half: JSON's and YAML's
 * {@code \ud800} escapes write one. It is not a character: UTF-8 cannot encode it, so each output
 * would carry a '?' or an escape that its reader refuses (LXD refuses the preseed). Readers refuse
 * it where it is written.
 */
final class LoneSurrogates {
  private LoneSurrogates() {}

  /** What is wrong with the first lone surrogate in {@code text}, or empty when there is none. */
  static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(String.format("character %d is U+%04X, a lone surrogate (half of a UTF-16 pair,"
            + " written as the escape \\u%04x, without its other half): it is not a character and no output"
            + " can hold it", text.codePointCount(0, i) + 1, (int) c, (int) c));
      }
    }
    return Optional.empty();
  }
}
