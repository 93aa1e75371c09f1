package dev.labforge.spec;

/**
 * User text (a key, a value, a file name) as a message may print it. A line break in it would
 * start a line the user did not get from labforge ("lab.yaml:1:1: error: ..." forged by a key),
 * and other controls act on the terminal or reorder what it shows (U+202E turns the rest of a line
 * around). Each is shown as an escape instead: {@code \n}, {@code \r}, {@code \t}, {@code \x1b},
 * {@code \u202e}; a lone surrogate, which no terminal can show, as {@code \ud800}.
 */
public final class Visible {
  private Visible() {}

  /** {@code text} with every character {@link #unsafe} escaped, tabs included: a message is one line. */
  public static String text(String text) {
    return escape(text, false);
  }

  /** As {@link #text}, but tabs stay: a source line's tabs line its caret up. */
  public static String line(String text) {
    return escape(text, true);
  }

  /**
   * C0 controls (line feed and tab too), DEL, C1 controls, the Unicode line and paragraph
   * separators, and the bidirectional controls (marks, embeddings, overrides, isolates).
   */
  public static boolean unsafe(int c) {
    return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029
        || c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
  }

  private static String escape(String text, boolean keepTabs) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad = !pair && Character.isSurrogate(c) || unsafe(c) && !(keepTabs && c == '\t');
      if (bad && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (bad) {
        out.append(escape(c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }
  }
}
