package dev.labforge.hcl;

/** Decoding of template literal tokens, and the whitespace rules of {@code ~} stripping. */
final class Literals {
  private Literals() {}

  /**
   * The text of a literal token. Quoted strings know backslash escapes; both kinds know the
   * doubled template openers {@code $${} and {@code %%{}.
   */
  static String decode(Source src, Token t, boolean quoted) throws HclSyntaxException {
    String s = t.text();
    if (s.startsWith("$${") || s.startsWith("%%{")) {
      return s.substring(1);
    }
    if (!quoted || s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char sel = s.charAt(i + 1);
      switch (sel) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'u', 'U' -> {
          int want = sel == 'u' ? 4 : 8;
          int j = i + 2;
          while (j < s.length() && j < i + 2 + want && Character.digit(s.charAt(j), 16) >= 0) {
            j++;
          }
          if (j - (i + 2) != want) {
            throw src.error(t.start() + i, "Invalid escape sequence: the \\" + sel + " escape sequence must be"
                + " followed by " + (want == 4 ? "four" : "eight") + " hexadecimal digits");
          }
          long cp = Long.parseLong(s.substring(i + 2, j), 16);
          if (cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
            throw src.error(t.start() + i, "Invalid escape sequence: cannot encode character U+"
                + Long.toHexString(cp) + " in UTF-8");
          }
          out.appendCodePoint((int) cp);
          i = j - 2;
        }
        default -> throw src.error(t.start() + i, "Invalid escape sequence: the symbol \""
            + new String(Character.toChars(s.codePointAt(i + 1))) + "\" is not a valid escape sequence selector");
      }
      i++;
    }
    return out.toString();
  }

  /** Go's unicode.IsSpace, which hclsyntax uses for {@code ~} stripping and heredoc flushing. */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    return s.substring(i);
  }

  static String trimRight(String s) {
    int i = s.length();
    while (i > 0 && isSpace(s.codePointBefore(i))) {
      i -= Character.charCount(s.codePointBefore(i));
    }
    return s.substring(0, i);
  }
}
