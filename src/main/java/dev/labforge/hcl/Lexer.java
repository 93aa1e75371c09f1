package dev.labforge.hcl;

import dev.labforge.hcl.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Splits HCL native syntax into tokens the way hclsyntax's scanner does: a main mode, a quoted
 * template mode and a heredoc mode, entered and left like the scanner's call stack. Tokens that
 * hclsyntax lexes but always rejects (bitwise operators, quotes of other languages, newlines inside
 * quoted strings, stray characters) are reported here, as its lexer reports them first.
 */
final class Lexer {
  private static final Map<String, Kind> TWO_CHAR = Map.of("==", Kind.EQ, "!=", Kind.NE, ">=", Kind.GE,
      "<=", Kind.LE, "&&", Kind.AND, "||", Kind.OR, "=>", Kind.FAT_ARROW, "::", Kind.DOUBLE_COLON);
  private static final String SELF = "[]().,*/%+-=<>!?:";
  private static final Kind[] SELF_KINDS = {Kind.OBRACK, Kind.CBRACK, Kind.OPAREN, Kind.CPAREN, Kind.DOT,
      Kind.COMMA, Kind.STAR, Kind.SLASH, Kind.PERCENT, Kind.PLUS, Kind.MINUS, Kind.EQUAL, Kind.LT, Kind.GT,
      Kind.BANG, Kind.QUESTION, Kind.COLON};

  private enum Mode { MAIN, STRING, HEREDOC }

  /** A heredoc being read: its closing marker and whether the next literal starts a line. */
  private static final class Heredoc {
    final String marker;
    boolean startOfLine = true;

    Heredoc(String marker) {
      this.marker = marker;
    }
  }

  private final Source src;
  private final String s;
  private final Tokens tokens;
  private final Deque<Mode> modes = new ArrayDeque<>();
  private final Deque<Integer> returnBraces = new ArrayDeque<>();
  private final Deque<Heredoc> heredocs = new ArrayDeque<>();
  private int braces;
  private int pos;

  private Lexer(Source src) {
    this.src = src;
    this.s = src.text;
    this.tokens = new Tokens(s);
  }

  static List<Token> lex(Source src) throws HclSyntaxException {
    Lexer lexer = new Lexer(src);
    lexer.modes.push(Mode.MAIN);
    if (lexer.s.startsWith("\uFEFF")) {
      lexer.pos = 1;
    }
    while (lexer.pos < lexer.s.length()) {
      switch (lexer.modes.peek()) {
        case MAIN -> lexer.main();
        case STRING -> lexer.quoted();
        case HEREDOC -> lexer.heredoc();
      }
    }
    lexer.tokens.add(Kind.EOF, lexer.s.length(), lexer.s.length());
    return lexer.tokens;
  }

  private void emit(Kind kind, int start, int end) {
    tokens.add(kind, start, end);
    pos = end;
  }

  private char at(int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private boolean startsWith(String prefix) {
    return s.startsWith(prefix, pos);
  }

  private void main() throws HclSyntaxException {
    char c = s.charAt(pos);
    if (c == ' ' || c == '\t') {
      pos++;
    } else if (c >= '0' && c <= '9') {
      emit(Kind.NUMBER, pos, numberEnd());
    } else if (isIdentStart(s.codePointAt(pos))) {
      emit(Kind.IDENT, pos, identEnd(pos));
    } else if (c == '#' || startsWith("//")) {
      int nl = s.indexOf('\n', pos);
      pos = nl < 0 ? s.length() : nl + 1;
      if (nl >= 0) {
        // hclsyntax's peeker turns a line comment's own newline into the newline that ends an item.
        tokens.add(Kind.NEWLINE, nl, nl + 1);
      }
    } else if (startsWith("/*")) {
      int close = s.indexOf("*/", pos + 2);
      if (close < 0) {
        throw src.error(pos, "Unterminated comment: no closing */ before the end of the file");
      }
      pos = close + 2;
    } else if (c == '\n') {
      emit(Kind.NEWLINE, pos, pos + 1);
    } else if (startsWith("\r\n")) {
      emit(Kind.NEWLINE, pos, pos + 2);
    } else if (startsWith("...")) {
      emit(Kind.ELLIPSIS, pos, pos + 3);
    } else if (pos + 1 < s.length() && TWO_CHAR.containsKey(s.substring(pos, pos + 2))) {
      emit(TWO_CHAR.get(s.substring(pos, pos + 2)), pos, pos + 2);
    } else if (c == '{') {
      braces++;
      emit(Kind.OBRACE, pos, pos + 1);
    } else if (c == '}' || startsWith("~}")) {
      closeBrace(c == '~' ? 2 : 1);
    } else if (c == '"') {
      emit(Kind.OQUOTE, pos, pos + 1);
      modes.push(Mode.STRING);
    } else if (startsWith("<<")) {
      heredocIntroducer();
    } else if (startsWith("**")) {
      throw src.error(pos, "Unsupported operator: \"**\" is not a supported operator (exponentiation is not supported)");
    } else if (SELF.indexOf(c) >= 0) {
      emit(SELF_KINDS[SELF.indexOf(c)], pos, pos + 1);
    } else {
      throw invalidCharacter(c);
    }
  }

  private HclSyntaxException invalidCharacter(char c) {
    String what = switch (c) {
      case '&', '|', '^', '~' -> "Unsupported operator: bitwise operators are not supported";
      case '\'' -> "Invalid character: single quotes are not valid; use double quotes (\") to enclose strings";
      case '`' -> "Invalid character: the \"`\" character is not valid; use double quotes to enclose strings";
      case ';' -> "Invalid character: the \";\" character is not valid; use newlines to separate arguments and blocks";
      default -> "Invalid character: this character is not used within the language";
    };
    return src.error(pos, what);
  }

  private int numberEnd() {
    int i = pos + 1;
    while (true) {
      char c = at(i);
      if (c >= '0' && c <= '9' || c == '.') {
        i++;
      } else if ((c == 'e' || c == 'E') && isDigit(at(i + 1))) {
        i += 2;
      } else if ((c == 'e' || c == 'E') && (at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))) {
        i += 3;
      } else {
        break;
      }
    }
    while (s.charAt(i - 1) == '.') {
      i--; // a number literal never ends with a dot: "1." is the number 1 and then a dot
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(int cp) {
    return cp == '_' || Character.isUnicodeIdentifierStart(cp);
  }

  private int identEnd(int from) {
    int i = from + Character.charCount(s.codePointAt(from));
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp != '-' && !(Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp))) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private void closeBrace(int length) {
    boolean closesTemplate = !returnBraces.isEmpty() && returnBraces.peek() == braces;
    if (closesTemplate || length == 2) {
      emit(Kind.TEMPLATE_SEQ_END, pos, pos + length);
      if (closesTemplate) {
        returnBraces.pop();
        modes.pop();
      }
    } else {
      emit(Kind.CBRACE, pos, pos + 1);
    }
    braces--;
  }

  private void heredocIntroducer() throws HclSyntaxException {
    int i = pos + 2 + (at(pos + 2) == '-' ? 1 : 0);
    if (i < s.length() && isIdentStart(s.codePointAt(i))) {
      int markerEnd = identEnd(i);
      int nlEnd = at(markerEnd) == '\n' ? markerEnd + 1 : s.startsWith("\r\n", markerEnd) ? markerEnd + 2 : -1;
      if (nlEnd > 0) {
        heredocs.push(new Heredoc(s.substring(i, markerEnd)));
        emit(Kind.OHEREDOC, pos, nlEnd);
        modes.push(Mode.HEREDOC);
        return;
      }
    }
    emit(Kind.LT, pos, pos + 1);
  }

  /** {@code ${}, {@code ${~}, {@code %{} or {@code %{~} at pos: a template sequence opens. */
  private boolean templateOpener() {
    char c = s.charAt(pos);
    if ((c != '$' && c != '%') || at(pos + 1) != '{') {
      return false;
    }
    int end = pos + 2 + (at(pos + 2) == '~' ? 1 : 0);
    emit(c == '$' ? Kind.TEMPLATE_INTERP : Kind.TEMPLATE_CONTROL, pos, end);
    braces++;
    returnBraces.push(braces);
    if (!heredocs.isEmpty() && modes.peek() == Mode.HEREDOC) {
      heredocs.peek().startOfLine = false;
    }
    modes.push(Mode.MAIN);
    return true;
  }

  /** A lone {@code $} or {@code %}, or its escaped form {@code $${} / {@code %%{}: one literal token. */
  private int markerLiteralEnd() {
    char c = s.charAt(pos);
    if (at(pos + 1) == c && at(pos + 2) == '{') {
      return pos + 3 + (at(pos + 3) == '~' ? 1 : 0);
    }
    return pos + 1;
  }

  private void quoted() throws HclSyntaxException {
    char c = s.charAt(pos);
    if (templateOpener()) {
      return;
    }
    if (c == '"') {
      emit(Kind.CQUOTE, pos, pos + 1);
      modes.pop();
    } else if (c == '\n' || c == '\r') {
      throw src.error(pos, "Invalid multi-line string: quoted strings may not be split over multiple lines;"
          + " to produce a multi-line string, either use the \\n escape or use a heredoc");
    } else if (c == '$' || c == '%') {
      emit(Kind.QUOTED_LIT, pos, markerLiteralEnd());
    } else {
      int i = pos;
      while (i < s.length()) {
        char d = s.charAt(i);
        if (d == '$' || d == '%' || d == '"' || d == '\n' || d == '\r') {
          break;
        }
        if (d == '\\') {
          char e = at(i + 1);
          if (i + 1 >= s.length() || e == '\n' || e == '\r') {
            break;
          }
          i += Character.isHighSurrogate(e) ? 3 : 2;
        } else {
          i++;
        }
      }
      if (i == pos) {
        throw src.error(pos, "Invalid escape sequence: backslash must be followed by an escape sequence selector character");
      }
      emit(Kind.QUOTED_LIT, pos, i);
    }
  }

  private void heredoc() throws HclSyntaxException {
    if (templateOpener()) {
      return;
    }
    char c = s.charAt(pos);
    int i;
    if (c == '$' || c == '%') {
      i = markerLiteralEnd();
    } else {
      i = pos;
      while (i < s.length() && "$%\r\n".indexOf(s.charAt(i)) < 0) {
        i++;
      }
    }
    int nlEnd = at(i) == '\n' ? i + 1 : s.startsWith("\r\n", i) ? i + 2 : -1;
    Heredoc doc = heredocs.peek();
    if (nlEnd < 0) {
      if (i == pos) {
        throw src.error(pos, "Invalid character: a lone carriage return is not valid in a heredoc");
      }
      doc.startOfLine = false;
      emit(Kind.STRING_LIT, pos, i);
      return;
    }
    if (doc.startOfLine && s.substring(pos, i).strip().equals(doc.marker)) {
      emit(Kind.CHEREDOC, pos, i);
      emit(Kind.NEWLINE, i, nlEnd);
      heredocs.pop();
      modes.pop();
      return;
    }
    doc.startOfLine = true;
    emit(Kind.STRING_LIT, pos, nlEnd);
  }
}
