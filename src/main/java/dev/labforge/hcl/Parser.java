package dev.labforge.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labforge.hcl.Ast.Attribute;
import dev.labforge.hcl.Ast.Block;
import dev.labforge.hcl.Ast.Body;
import dev.labforge.hcl.Ast.Conditional;
import dev.labforge.hcl.Ast.Expr;
import dev.labforge.hcl.Ast.Item;
import dev.labforge.hcl.Ast.Literal;
import dev.labforge.hcl.Ast.ObjectCons;
import dev.labforge.hcl.Ast.Other;
import dev.labforge.hcl.Ast.Tuple;
import dev.labforge.hcl.Ast.Unary;
import dev.labforge.hcl.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser following hclsyntax's grammar and its rules on newlines: they end
 * attributes and blocks, separate object items, and are ignored inside brackets, parentheses and
 * template sequences. Unlike hclsyntax it stops at the first error.
 */
final class Parser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Binary operators from the loosest to the tightest binding. */
  private static final List<Set<Kind>> BINARY = List.of(Set.of(Kind.OR), Set.of(Kind.AND),
      Set.of(Kind.EQ, Kind.NE), Set.of(Kind.GT, Kind.GE, Kind.LT, Kind.LE), Set.of(Kind.PLUS, Kind.MINUS),
      Set.of(Kind.STAR, Kind.SLASH, Kind.PERCENT));
  private static final Map<Kind, String> SHOWN = Map.of(Kind.EOF, "end of file", Kind.NEWLINE, "newline");

  final Source src;
  private final List<Token> tokens;
  private final Deque<Boolean> newlines = new ArrayDeque<>();
  private int next;
  private int lastEnd;

  Parser(Source src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
    newlines.push(true);
  }

  static Body parse(Source src) throws HclSyntaxException {
    Parser parser = new Parser(src, Lexer.lex(src));
    return parser.body(Kind.EOF, null);
  }

  // ---- token stream ----

  private int nextIndex() {
    int i = next;
    while (tokens.get(i).kind() == Kind.NEWLINE && !newlines.peek()) {
      i++;
    }
    return i;
  }

  Token peek() {
    return tokens.get(nextIndex());
  }

  Token read() {
    int i = nextIndex();
    Token t = tokens.get(i);
    if (t.kind() != Kind.EOF) {
      next = i + 1;
      lastEnd = t.end();
    }
    return t;
  }

  int lastEnd() {
    return lastEnd;
  }

  void pushNewlines(boolean include) {
    newlines.push(include);
  }

  void popNewlines() {
    newlines.pop();
  }

  HclSyntaxException error(Token at, String reason) {
    return src.error(at.start(), reason);
  }

  static String describe(Token t) {
    return SHOWN.getOrDefault(t.kind(), "\"" + t.text() + "\"");
  }

  private Token expect(Kind kind, String reason) throws HclSyntaxException {
    Token t = read();
    if (t.kind() != kind) {
      throw error(t, reason + ", found " + describe(t));
    }
    return t;
  }

  static boolean keyword(Token t, String word) {
    return t.kind() == Kind.IDENT && t.text().equals(word);
  }

  // ---- structure ----

  /** The items up to {@code end}; {@code open} is the block's brace, where an unclosed block is reported. */
  private Body body(Kind end, Token open) throws HclSyntaxException {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (true) {
      Token t = peek();
      if (t.kind() == end) {
        read();
        return new Body(attributes, blocks);
      }
      if (t.kind() == Kind.NEWLINE) {
        read();
      } else if (t.kind() == Kind.IDENT) {
        Token ident = read();
        Token after = peek();
        if (after.kind() == Kind.EQUAL) {
          Attribute attribute = attribute(ident, false);
          if (!names.add(attribute.name())) {
            throw error(ident, "Attribute redefined: the argument \"" + ident.text()
                + "\" was already set; each argument may be set only once");
          }
          attributes.add(attribute);
        } else if (after.kind() == Kind.OQUOTE || after.kind() == Kind.OBRACE || after.kind() == Kind.IDENT) {
          blocks.add(block(ident));
        } else {
          throw error(ident, "Argument or block definition required: to set an argument, use the equals sign"
              + " \"=\" to introduce the argument value");
        }
      } else if (t.kind() == Kind.EOF) {
        throw error(open == null ? t : open, "Unclosed configuration block: there is no closing brace for this block before the end"
            + " of the file");
      } else if (t.kind() == Kind.OQUOTE) {
        throw error(t, "Invalid argument name: argument names must not be quoted");
      } else {
        throw error(t, "Argument or block definition required, found " + describe(t));
      }
    }
  }

  private Attribute attribute(Token ident, boolean singleLine) throws HclSyntaxException {
    read(); // "="
    Expr value = expression();
    if (!singleLine) {
      Token end = peek();
      if (end.kind() == Kind.COMMA) {
        throw error(end, "Unexpected comma after argument: argument definitions must be separated by newlines");
      }
      if (end.kind() != Kind.NEWLINE && end.kind() != Kind.EOF) {
        throw error(end, "Missing newline after argument: an argument definition must end with a newline,"
            + " found " + describe(end));
      }
      read();
    }
    return new Attribute(ident.text(), value, ident.start());
  }

  private Block block(Token ident) throws HclSyntaxException {
    List<String> labels = new ArrayList<>();
    while (peek().kind() != Kind.OBRACE) {
      Token t = peek();
      if (t.kind() == Kind.IDENT) {
        labels.add(read().text());
      } else if (t.kind() == Kind.OQUOTE) {
        labels.add(new TemplateParser(this).label());
      } else if (t.kind() == Kind.EQUAL) {
        throw error(t, "Invalid block definition: the equals sign \"=\" indicates an argument definition,"
            + " and must not be used when defining a block");
      } else {
        throw error(t, "Invalid block definition: either a quoted string block label or an opening brace"
            + " (\"{\") is expected here, found " + describe(t));
      }
    }
    Token open = read();
    Body body;
    Kind first = peek().kind();
    if (first == Kind.NEWLINE || first == Kind.EOF || first == Kind.CBRACE) {
      body = body(Kind.CBRACE, open);
    } else {
      body = singleAttributeBody(open);
    }
    Token eol = peek();
    if (eol.kind() != Kind.NEWLINE && eol.kind() != Kind.EOF) {
      throw error(eol, "Missing newline after block definition: a block definition must end with a newline,"
          + " found " + describe(eol));
    }
    read();
    return new Block(ident.text(), labels, body, ident.start());
  }

  /** {@code name { key = value }} on one line: exactly one argument, closed on the same line. */
  private Body singleAttributeBody(Token open) throws HclSyntaxException {
    Token ident = read();
    if (ident.kind() != Kind.IDENT) {
      throw error(ident, "Argument or block definition required, found " + describe(ident));
    }
    if (peek().kind() != Kind.EQUAL) {
      throw error(ident, "Argument definition required: a single-line block definition can contain only a"
          + " single argument");
    }
    Attribute attribute = attribute(ident, true);
    Token close = read();
    if (close.kind() == Kind.EOF) {
      throw error(open, "Unclosed configuration block: there is no closing brace for this block");
    }
    if (close.kind() != Kind.CBRACE) {
      throw error(close, "Invalid single-argument block definition: a single-line block definition must end"
          + " with a closing brace immediately after its single argument definition");
    }
    return new Body(List.of(attribute), List.of());
  }

  // ---- expressions ----

  Expr expression() throws HclSyntaxException {
    Expr condition = binary(0);
    if (peek().kind() != Kind.QUESTION) {
      return condition;
    }
    read();
    Expr whenTrue = expression();
    Token colon = peek();
    if (colon.kind() != Kind.COLON) {
      throw error(colon, "Missing false expression in conditional: the conditional operator (...?...:...)"
          + " requires a false expression, delimited by a colon");
    }
    read();
    Expr whenFalse = expression();
    return new Conditional(condition, whenTrue, whenFalse, condition.start(), whenFalse.end());
  }

  private Expr binary(int level) throws HclSyntaxException {
    if (level == BINARY.size()) {
      return traversals(term());
    }
    Expr lhs = binary(level + 1);
    while (BINARY.get(level).contains(peek().kind())) {
      read();
      Expr rhs = binary(level + 1);
      lhs = new Other(false, lhs.start(), rhs.end());
    }
    return lhs;
  }

  private Expr term() throws HclSyntaxException {
    Token start = peek();
    switch (start.kind()) {
      case OPAREN -> {
        read();
        pushNewlines(false);
        expression();
        Token close = read();
        popNewlines();
        if (close.kind() != Kind.CPAREN) {
          throw error(close, "Unbalanced parentheses: expected a closing parenthesis, found " + describe(close));
        }
        return new Other(false, start.start(), close.end());
      }
      case NUMBER -> {
        read();
        return new Literal(number(start), start.start(), start.end());
      }
      case IDENT -> {
        read();
        Kind after = peek().kind();
        if (after == Kind.OPAREN || after == Kind.DOUBLE_COLON) {
          return functionCall(start);
        }
        return switch (start.text()) {
          case "true" -> new Literal(NODES.booleanNode(true), start.start(), start.end());
          case "false" -> new Literal(NODES.booleanNode(false), start.start(), start.end());
          case "null" -> new Literal(NODES.nullNode(), start.start(), start.end());
          default -> new Other(true, start.start(), start.end());
        };
      }
      case OQUOTE, OHEREDOC -> {
        return new TemplateParser(this).template(read());
      }
      case MINUS, BANG -> {
        read();
        Expr operand = traversals(term());
        return new Unary(start.kind() == Kind.MINUS ? '-' : '!', operand, start.start(), operand.end());
      }
      case OBRACK -> {
        return tuple();
      }
      case OBRACE -> {
        return object();
      }
      case EOF -> throw error(start, "Missing expression: expected the start of an expression, but found the"
          + " end of the file");
      default -> throw error(start, "Invalid expression: expected the start of an expression, but found "
          + describe(start));
    }
  }

  private JsonNode number(Token t) throws HclSyntaxException {
    try {
      return Numbers.node(new BigDecimal(t.text()));
    } catch (NumberFormatException e) {
      throw error(t, "Invalid number literal: failed to recognize the value of this number literal");
    }
  }

  private Expr functionCall(Token name) throws HclSyntaxException {
    while (peek().kind() == Kind.DOUBLE_COLON) {
      read();
      Token part = read();
      if (part.kind() != Kind.IDENT) {
        throw error(part, "Missing function name: function scope resolution symbol :: must be followed by a"
            + " function name in this scope");
      }
    }
    expect(Kind.OPAREN, "Missing open parenthesis: function selector must be followed by an openning"
        + " parenthesis to begin the function call");
    pushNewlines(false);
    while (true) {
      if (peek().kind() == Kind.CPAREN) {
        read();
        break;
      }
      expression();
      Token sep = read();
      if (sep.kind() == Kind.CPAREN) {
        // This call's own closing parenthesis: the one after it may close an enclosing call.
        popNewlines();
        return new Other(false, name.start(), lastEnd);
      }
      if (sep.kind() == Kind.ELLIPSIS) {
        expect(Kind.CPAREN, "Missing closing parenthesis: an expanded function argument (with ...) must be"
            + " immediately followed by closing parentheses");
        popNewlines();
        return new Other(false, name.start(), lastEnd);
      }
      if (sep.kind() == Kind.EOF) {
        throw error(name, "Unterminated function call: there is no closing parenthesis for this function call");
      }
      if (sep.kind() != Kind.COMMA) {
        throw error(sep, "Missing argument separator: a comma is required to separate each function argument"
            + " from the next, found " + describe(sep));
      }
    }
    popNewlines();
    return new Other(false, name.start(), lastEnd);
  }

  private Expr traversals(Expr from) throws HclSyntaxException {
    Expr ret = from;
    boolean scope = from instanceof Other o && o.scopeTraversal();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.DOT) {
        read();
        Token attr = read();
        if (attr.kind() == Kind.NUMBER && attr.text().contains(".")) {
          throw error(attr, "Invalid legacy index syntax: when using the legacy index syntax, chaining two"
              + " indexes together is not permitted; use the proper index syntax instead, like [0][1]");
        } else if (attr.kind() == Kind.STAR) {
          scope = false;
          splatAttributes();
        } else if (attr.kind() != Kind.IDENT && attr.kind() != Kind.NUMBER) {
          throw error(attr, "Invalid attribute name: an attribute name is required after a dot, found "
              + describe(attr));
        }
      } else if (t.kind() == Kind.OBRACK) {
        read();
        if (peek().kind() == Kind.STAR) {
          read();
          expect(Kind.CBRACK, "Missing close bracket on splat index: the star for a full splat operator must be"
              + " immediately followed by a closing bracket (\"]\")");
          scope = false;
          continue;
        }
        pushNewlines(false);
        Expr key = expression();
        Token close = read();
        popNewlines();
        if (close.kind() != Kind.CBRACK) {
          throw error(close, "Missing close bracket on index: the index operator must end with a closing"
              + " bracket (\"]\"), found " + describe(close));
        }
        boolean literalKey = key instanceof Literal
            || key instanceof Ast.Template tp && TemplateParser.isStringLiteral(tp);
        scope = scope && literalKey;
      } else {
        break;
      }
      ret = new Other(scope, from.start(), lastEnd);
    }
    return ret;
  }

  /** The {@code .b.c} after an attribute-only splat {@code a.*}; nested splats are not allowed. */
  private void splatAttributes() throws HclSyntaxException {
    while (peek().kind() == Kind.DOT) {
      read();
      Token t = read();
      if (t.kind() == Kind.STAR) {
        throw error(t, "Nested splat expression not allowed: a splat expression (*) cannot be used inside"
            + " another attribute-only splat expression");
      }
      if (t.kind() != Kind.IDENT && t.kind() != Kind.NUMBER) {
        throw error(t, "Invalid attribute name: an attribute name is required after a dot, found " + describe(t));
      }
    }
  }

  private Expr tuple() throws HclSyntaxException {
    Token open = read();
    pushNewlines(false);
    try {
      if (keyword(peek(), "for")) {
        return forExpression(open, Kind.CBRACK);
      }
      List<Expr> items = new ArrayList<>();
      while (peek().kind() != Kind.CBRACK) {
        items.add(expression());
        Token sep = peek();
        if (sep.kind() == Kind.CBRACK) {
          break;
        }
        if (sep.kind() == Kind.EOF) {
          throw error(open, "Unterminated tuple constructor expression: there is no corresponding closing"
              + " bracket before the end of the file");
        }
        if (sep.kind() != Kind.COMMA) {
          throw error(sep, "Missing item separator: expected a comma to mark the beginning of the next item,"
              + " found " + describe(sep));
        }
        read();
      }
      read();
      return new Tuple(items, open.start(), lastEnd);
    } finally {
      popNewlines();
    }
  }

  private Expr object() throws HclSyntaxException {
    Token open = read();
    pushNewlines(false);
    boolean isFor = keyword(peek(), "for");
    popNewlines();
    if (isFor) {
      pushNewlines(false);
      try {
        return forExpression(open, Kind.CBRACE);
      } finally {
        popNewlines();
      }
    }
    pushNewlines(true);
    try {
      List<Item> items = new ArrayList<>();
      while (true) {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
          read();
          continue;
        }
        if (t.kind() == Kind.CBRACE) {
          read();
          return new ObjectCons(items, open.start(), lastEnd);
        }
        Expr key = expression();
        Token sep = peek();
        if (sep.kind() == Kind.EOF) {
          throw error(open, "Unterminated object constructor expression: there is no corresponding closing"
              + " brace before the end of the file");
        }
        if (sep.kind() != Kind.EQUAL && sep.kind() != Kind.COLON) {
          throw error(sep, (sep.kind() == Kind.NEWLINE || sep.kind() == Kind.COMMA ? "Missing attribute value"
              : "Missing key/value separator") + ": expected an equals sign (\"=\") to mark the beginning of the"
              + " attribute value, found " + describe(sep));
        }
        read();
        items.add(new Item(key, expression()));
        Token after = peek();
        if (after.kind() == Kind.CBRACE) {
          continue;
        }
        if (after.kind() == Kind.EOF) {
          throw error(open, "Unterminated object constructor expression: there is no corresponding closing"
              + " brace before the end of the file");
        }
        if (after.kind() != Kind.COMMA && after.kind() != Kind.NEWLINE) {
          throw error(after, "Missing attribute separator: expected a newline or comma to mark the beginning of"
              + " the next attribute, found " + describe(after));
        }
        read();
      }
    } finally {
      popNewlines();
    }
  }

  private Expr forExpression(Token open, Kind close) throws HclSyntaxException {
    read(); // "for"
    String invalid = "Invalid 'for' expression: ";
    Token name = read();
    if (name.kind() != Kind.IDENT) {
      throw error(name, invalid + "for expression requires variable name after 'for'");
    }
    if (peek().kind() == Kind.COMMA) {
      read();
      if (read().kind() != Kind.IDENT) {
        throw error(tokens.get(next - 1), invalid + "for expression requires value variable name after comma");
      }
    }
    if (!keyword(peek(), "in")) {
      throw error(peek(), invalid + "for expression requires the 'in' keyword after its name declarations");
    }
    read();
    expression();
    if (peek().kind() != Kind.COLON) {
      throw error(peek(), invalid + "for expression requires a colon after the collection expression");
    }
    read();
    Expr value = expression();
    boolean hasKey = false;
    if (peek().kind() == Kind.FAT_ARROW) {
      read();
      hasKey = true;
      expression();
    }
    Token ellipsis = peek().kind() == Kind.ELLIPSIS ? read() : null;
    if (keyword(peek(), "if")) {
      read();
      expression();
    }
    Token end = read();
    if (end.kind() != close) {
      throw error(end, invalid + "extra characters after the end of the 'for' expression, found " + describe(end));
    }
    if (close == Kind.CBRACK && hasKey) {
      throw error(value, invalid + "key expression is not valid when building a tuple");
    }
    if (close == Kind.CBRACK && ellipsis != null) {
      throw error(ellipsis, invalid + "grouping ellipsis (...) cannot be used when building a tuple");
    }
    if (close == Kind.CBRACE && !hasKey) {
      throw error(value, invalid + "key expression is required when building an object");
    }
    return new Other(false, open.start(), end.end());
  }

  private HclSyntaxException error(Expr at, String reason) {
    return src.error(at.start(), reason);
  }
}
