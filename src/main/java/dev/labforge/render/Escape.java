package dev.labforge.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place that turns a user's string into an inert literal of each output language. Every
 * template goes through these; each method returns the literal with its quotes.
 */
public final class Escape {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Escape() {}

  /**
   * An HCL2 quoted template literal. Backslash escapes cover quotes, backslashes and control
   * characters; {@code ${} and {@code %{} are doubled so they stay literal text.
   */
  public static String hcl(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$' -> out.append(next == '{' ? "$$" : "$");
        case '%' -> out.append(next == '{' ? "%%" : "%");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A YAML double-quoted scalar. YAML treats NEL, LS and PS as line breaks and refuses most C0
   * controls raw, so those are written as escapes; everything else printable stays readable.
   */
  public static String yaml(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
              || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF' || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A YAML value for multi-line text: a literal block scalar ({@code |}, {@code |-} or {@code |+},
   * by how many line breaks end the text) indented by {@code indent} spaces, so files stay
   * readable; text a block cannot carry exactly (CR, controls, a leading blank, whitespace-only
   * lines, line separators) falls back to {@link #yaml(String)}. The result ends without a line
   * break: the template writes the one after it.
   */
  public static String yamlBlock(String s, int indent) {
    if (!blockSafe(s)) {
      return yaml(s);
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    int breaks = s.length() - end;
    String chomp = breaks == 0 ? "|-" : breaks == 1 ? "|" : "|+";
    String pad = " ".repeat(indent);
    StringBuilder out = new StringBuilder(s.length() + 16).append(chomp);
    for (String line : s.substring(0, end).split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        out.append(pad).append(line);
      }
    }
    for (int i = 1; i < breaks; i++) {
      out.append('\n');
    }
    return out.toString();
  }

  private static boolean blockSafe(String s) {
    if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(0) == '\t' || s.charAt(0) == '\n') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f);
      if (control || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF'
          || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
        return false;
      }
    }
    for (String line : s.split("\n", -1)) {
      if (!line.isEmpty() && line.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A JSON string literal, as Jackson writes it. */
  public static String json(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A Ruby single-quoted literal: only {@code \\} and {@code \'} are escapes there and nothing
   * interpolates, so {@code #{}} and every other byte stay as written. One exception: Ruby's lexer
   * drops a CR that stands before an LF even inside a literal, so every CR is written as an
   * adjacent {@code "\r"} literal ({@code 'a' "\r" 'b'} is the one string "a\rb").
   */
  public static String ruby(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\r' -> out.append("' \"\\r\" '");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /**
   * Text for a Ruby {@code #} comment: line breaks and other control characters become spaces,
   * so a description can never end the comment and turn the rest of its text into code.
   */
  public static String rubyComment(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lineBreak = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029';
      out.append(lineBreak ? ' ' : c);
    }
    return out.toString().strip();
  }

  /**
   * XML text or a single- or double-quoted attribute value. Characters XML 1.0 cannot hold at all
   * (controls other than tab and line breaks) are refused: no escape exists for them.
   */
  public static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\'' -> out.append("&apos;");
        case '"' -> out.append("&quot;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff) {
            throw new IllegalArgumentException("character U+" + String.format("%04X", (int) c) + " cannot be written in XML");
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /**
   * Free text (a description) as XML text: XML 1.0 has no way to write most control characters,
   * so each one it cannot hold becomes U+FFFD instead of failing the render; the rest as {@link #xml}.
   */
  public static String xmlFreeText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unwritable = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff;
      out.append(unwritable ? '\ufffd' : c);
    }
    return xml(out.toString());
  }

  /** Text inside an XML comment: one line, and never "--" (which would end or break the comment). */
  public static String xmlComment(String s) {
    String line = rubyComment(s);
    while (line.contains("--")) {
      line = line.replace("--", "- -");
    }
    return line.endsWith("-") ? line + " " : line;
  }

  /**
   * An xl.cfg (Xen domain configuration) double-quoted string, as libxlutil dequotes it: quote and
   * backslash escaped, line ends and the C control escapes libxlutil knows ({@code \a \b \f \n
   * \r \t \v}) written as escapes, every other character raw. Xen 4.17 has no working numeric
   * escape ({@code \x41} is refused, {@code \101} silently dropped) and its strings are C strings,
   * so a NUL or an unpaired surrogate cannot be written at all.
   */
  public static String xl(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\u000b' -> out.append("\\v");
        default -> {
          if (c == 0 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            throw new IllegalArgumentException("an xl.cfg string cannot hold "
                + (c == 0 ? "a NUL" : "an unpaired surrogate"));
          }
          out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /** Text for an xl.cfg {@code #} comment: control characters become spaces, so it stays one line. */
  public static String xlComment(String s) {
    return rubyComment(s);
  }

  /** Text for a shell {@code #} comment: control characters become spaces, so it stays one line. */
  public static String shComment(String s) {
    return rubyComment(s);
  }

  /**
   * A classic LXC config value ({@code lxc.container.conf(5)}): LXC takes the rest of the line
   * after {@code =}, strips white space at both ends, then removes one pair of matching quotes
   * around it. There is no escape, so a line break, a carriage return or a NUL cannot be written
   * and edge white space would be lost: those are refused (the spec's patterns keep them out of
   * every value the lxc target writes). A value that starts and ends with the same quote gets one
   * more pair, which LXC removes again.
   */
  public static String lxc(String s) {
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an LXC config value cannot hold a line break or a NUL");
    }
    if (s.isEmpty() || !s.equals(s.strip())) {
      throw new IllegalArgumentException("an LXC config value cannot be empty or start or end with white space");
    }
    char first = s.charAt(0);
    if (s.length() > 1 && (first == '"' || first == '\'') && s.charAt(s.length() - 1) == first) {
      return first + s + first;
    }
    return s;
  }

  /** Text for an LXC config {@code #} comment: control characters become spaces, so it stays one line. */
  public static String lxcComment(String s) {
    return rubyComment(s);
  }

  /**
   * One field of an fstab line (an {@code lxc.mount.entry} value is one): fields are split at
   * white space and read back with getmntent's octal escapes, so space, tab, line break and
   * backslash are written as {@code \040 \011 \012 \134}. A NUL cannot be written.
   */
  public static String fstab(String s) {
    if (s.isEmpty() || s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an fstab field cannot be empty or hold a NUL");
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ' ' -> out.append("\\040");
        case '\t' -> out.append("\\011");
        case '\n' -> out.append("\\012");
        case '\\' -> out.append("\\134");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A POSIX shell single-quoted word; a quote inside becomes {@code '\''}. */
  public static String sh(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * SVG character data or an attribute value: the five markup characters become entities, a
   * line break becomes {@code &#10;} (kept in attributes), and characters XML 1.0 forbids become
   * U+FFFD, so no string can end an element or make the document unreadable.
   */
  public static String svg(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append("&#10;");
        case '\t' -> out.append("&#9;");
        default -> {
          boolean forbidden = c < 0x20 || (c >= 0x7f && c <= 0x84) || (c >= 0x86 && c <= 0x9f)
              || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF;
          out.appendCodePoint(forbidden ? 0xFFFD : c);
        }
      }
    });
    return out.toString();
  }

  /**
   * A Graphviz DOT double-quoted string (an escString in labels): quote and backslash escaped, a
   * line break becomes {@code \n} (a centred line in a label), other control characters a space.
   */
  public static String dot(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' ? ' ' : c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * One word of a kickstart command line. pykickstart splits lines with Python's
   * {@code shlex.split(line, comments=True)}: {@code #} starts a comment even inside a word and
   * quotes are removed, so anything beyond plain characters is single-quoted (shlex's POSIX
   * rules: nothing is special inside single quotes). A line break cannot be in a kickstart word.
   */
  public static String kickstart(String s) {
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a kickstart word cannot hold a line break");
    }
    if (!s.isEmpty() && s.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "._/$=,:+@%-".indexOf(c) >= 0))) {
      return s;
    }
    return sh(s);
  }

  /**
   * A debconf preseed value: the rest of the line, taken as written. debconf has no quoting, so a
   * value with a line break, a trailing backslash (a continued line) or edge white space cannot
   * be written; the spec rules keep such values out, and this refuses them.
   */
  public static String preseed(String s) {
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.endsWith("\\") || !s.equals(s.strip())) {
      throw new IllegalArgumentException("a preseed value cannot hold a line break, end in a backslash"
          + " or start or end with white space");
    }
    return s;
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
