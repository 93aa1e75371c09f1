package dev.labforge.targets.xen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of xl domain configuration files, after Xen 4.17's own lexer and grammar
 * (tools/libs/util/libxlu_cfg_l.l, libxlu_cfg_y.y). Everything it accepts, libxlutil accepts with
 * the same values; it refuses some things libxlutil takes but labforge never writes: {@code +=},
 * a key set twice, and the numeric escapes {@code \x..} and {@code \ooo} (4.17 rejects the first
 * and silently drops the second).
 */
public final class XlCfgReader {
  private enum Kind { IDENT, NUMBER, STRING, COMMA, OPEN, CLOSE, ASSIGN, ADD, SEMI, NEWLINE, EOF }

  /** {@code text} is the value (a string dequoted); {@code raw} is as written, for messages. */
  private record Token(Kind kind, String text, String raw, int line) {
    Token(Kind kind, String text, int line) {
      this(kind, text, text, line);
    }
  }

  private final String file;
  private final String src;
  private int pos;
  private int line = 1;
  private Token token;

  private XlCfgReader(String file, String src) {
    this.file = file;
    this.src = src;
  }

  public static XlConfig parse(String file, String text) throws XlSyntaxException {
    XlCfgReader reader = new XlCfgReader(file, text);
    reader.next();
    return reader.file();
  }

  private XlConfig file() throws XlSyntaxException {
    List<XlConfig.Setting> settings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    while (token.kind() != Kind.EOF) {
      if (token.kind() == Kind.NEWLINE || token.kind() == Kind.SEMI) {
        next();
        continue;
      }
      Token name = expect(Kind.IDENT);
      if (token.kind() == Kind.ADD) {
        throw error(token, "'+=' is valid xl.cfg, but labforge writes each key once with '='");
      }
      expect(Kind.ASSIGN);
      int valueLine = token.line();
      XlConfig.Value value = value();
      if (token.kind() != Kind.EOF) {
        if (token.kind() != Kind.NEWLINE && token.kind() != Kind.SEMI) {
          throw syntax(token);
        }
        next();
      }
      Integer first = seen.putIfAbsent(name.text(), name.line());
      if (first != null) {
        throw error(name, "'" + name.text() + "' is set again (first on line " + first + "); xl would use the last");
      }
      settings.add(new XlConfig.Setting(name.text(), valueLine, value));
    }
    return new XlConfig(List.copyOf(settings));
  }

  private XlConfig.Value value() throws XlSyntaxException {
    Token t = token;
    if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
      next();
      return new XlConfig.Text(t.text(), t.kind() == Kind.NUMBER);
    }
    expect(Kind.OPEN);
    List<XlConfig.Value> items = new ArrayList<>();
    newlines();
    while (token.kind() != Kind.CLOSE) {
      items.add(value());
      newlines();
      if (token.kind() == Kind.COMMA) {
        next();
        newlines();
      } else if (token.kind() != Kind.CLOSE) {
        throw syntax(token);
      }
    }
    next();
    return new XlConfig.Items(List.copyOf(items));
  }

  private void newlines() throws XlSyntaxException {
    while (token.kind() == Kind.NEWLINE) {
      next();
    }
  }

  private Token expect(Kind kind) throws XlSyntaxException {
    Token t = token;
    if (t.kind() != kind) {
      throw syntax(t);
    }
    next();
    return t;
  }

  private XlSyntaxException syntax(Token t) {
    String near = t.kind() == Kind.EOF ? "end of file" : t.kind() == Kind.NEWLINE ? "end of line" : "`" + t.raw() + "'";
    return error(t, "syntax error near " + near);
  }

  private XlSyntaxException error(Token t, String reason) {
    return new XlSyntaxException(file, t.line(), reason);
  }

  private XlSyntaxException lexical(String reason) {
    return new XlSyntaxException(file, line, reason);
  }

  private void next() throws XlSyntaxException {
    while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos >= src.length()) {
      // libxlutil reports the end of the file at the line of the token before it
      token = new Token(Kind.EOF, "", token == null ? line : token.line());
      return;
    }
    char c = src.charAt(pos);
    int start = pos;
    if (c == '\n' || c == '#') {
      int end = src.indexOf('\n', pos);
      if (end < 0) {
        throw lexical("lexical error: a comment must end with a line break");
      }
      pos = end + 1;
      token = new Token(Kind.NEWLINE, "\n", line++);
      return;
    }
    if (c >= 'a' && c <= 'z') {
      pos++;
      while (pos < src.length() && isIdentPart(src.charAt(pos))) {
        pos++;
      }
      token = new Token(Kind.IDENT, src.substring(start, pos), line);
      return;
    }
    if (c >= '0' && c <= '9') {
      pos++;
      while (pos < src.length() && isNumberPart(src.charAt(pos))) {
        pos++;
      }
      token = new Token(Kind.NUMBER, src.substring(start, pos), line);
      return;
    }
    if (c == '"' || c == '\'') {
      String value = string(c);
      token = new Token(Kind.STRING, value, src.substring(start, pos), line);
      return;
    }
    pos++;
    Kind kind = switch (c) {
      case ',' -> Kind.COMMA;
      case '[' -> Kind.OPEN;
      case ']' -> Kind.CLOSE;
      case '=' -> Kind.ASSIGN;
      case ';' -> Kind.SEMI;
      case '+' -> pos < src.length() && src.charAt(pos) == '=' ? Kind.ADD : null;
      default -> null;
    };
    if (kind == null) {
      throw lexical("lexical error near `" + c + "'");
    }
    if (kind == Kind.ADD) {
      pos++;
    }
    token = new Token(kind, src.substring(start, pos), line);
  }

  private static boolean isIdentPart(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_';
  }

  private static boolean isNumberPart(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == 'x';
  }

  /** A quoted string, dequoted as xlu__cfgl_dequote does; pos is at the opening quote. */
  private String string(char quote) throws XlSyntaxException {
    StringBuilder out = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw lexical("lexical error: unterminated string");
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c == '\u0000') {
        throw lexical("a NUL cannot be part of an xl.cfg string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw lexical("lexical error: unterminated string");
      }
      char e = src.charAt(pos++);
      switch (e) {
        case '"', '\'', '\\' -> out.append(e);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        default -> throw lexical(e == 'x' || e >= '0' && e <= '7'
            ? "numeric escape \\" + e + " in quoted string (Xen 4.17 mis-parses these)"
            : "invalid character after backslash in quoted string");
      }
    }
  }
}
