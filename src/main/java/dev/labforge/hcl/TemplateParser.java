package dev.labforge.hcl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labforge.hcl.Ast.Conditional;
import dev.labforge.hcl.Ast.Expr;
import dev.labforge.hcl.Ast.Literal;
import dev.labforge.hcl.Ast.Template;
import dev.labforge.hcl.Ast.TemplateFor;
import dev.labforge.hcl.Ast.TemplateWrap;
import dev.labforge.hcl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Quoted and heredoc templates, in hclsyntax's two passes: first a flat list of parts (literals
 * with escapes decoded and {@code ~} stripping applied, interpolations, directives), then the
 * directives nested into conditionals and loops.
 */
final class TemplateParser {
  private final Parser p;

  /** One flat part: a literal, an interpolation, or a directive ("if", "else", "endif", "for", "endfor"). */
  private static final class Part {
    final String directive;
    String literal;
    final Expr expr;
    final String keyVar;
    final String valueVar;
    final int start;
    int end;

    Part(String directive, String literal, Expr expr, String keyVar, String valueVar, int start, int end) {
      this.directive = directive;
      this.literal = literal;
      this.expr = expr;
      this.keyVar = keyVar;
      this.valueVar = valueVar;
      this.start = start;
      this.end = end;
    }

    boolean isLiteral() {
      return literal != null;
    }
  }

  TemplateParser(Parser parser) {
    this.p = parser;
  }

  static boolean isStringLiteral(Template t) {
    return t.parts().size() == 1 && t.parts().get(0) instanceof Literal l && l.value().isTextual();
  }

  /** A block label: a quoted string with no template sequences. */
  String label() throws HclSyntaxException {
    Token open = p.read();
    StringBuilder out = new StringBuilder();
    while (true) {
      Token t = p.read();
      switch (t.kind()) {
        case CQUOTE -> {
          return out.toString();
        }
        case QUOTED_LIT -> out.append(Literals.decode(p.src, t, true));
        case TEMPLATE_INTERP, TEMPLATE_CONTROL -> throw p.error(t, "Invalid string literal: template sequences"
            + " are not allowed in this string; to include a literal \"" + t.text().charAt(0) + "\", double it");
        case EOF -> throw p.error(open, "Unterminated string literal: unable to find the closing quote mark"
            + " before the end of the file");
        default -> throw p.error(t, "Invalid string literal: this item is not valid in a string literal");
      }
    }
  }

  /** The template opened by {@code open} (a quote or a heredoc introducer). */
  Expr template(Token open) throws HclSyntaxException {
    boolean heredoc = open.kind() == Kind.OHEREDOC;
    List<Part> parts = parts(open, heredoc ? Kind.CHEREDOC : Kind.CQUOTE);
    int end = p.lastEnd();
    if (heredoc && open.text().startsWith("<<-")) {
      flush(parts);
    }
    meld(parts);
    boolean passthru = parts.size() == 1 && parts.get(0).expr != null && parts.get(0).directive == null;
    List<Expr> exprs = tree(parts, new int[] {0}, null);
    if (passthru) {
      return new TemplateWrap(exprs.get(0), open.start(), end);
    }
    return new Template(exprs, open.start(), end);
  }

  private List<Part> parts(Token open, Kind close) throws HclSyntaxException {
    List<Part> parts = new ArrayList<>();
    boolean trimNext = false;
    boolean canTrimPrevious = false;
    while (true) {
      Token t = p.read();
      if (t.kind() == close) {
        break;
      }
      boolean trim = trimNext;
      trimNext = false;
      boolean canTrim = canTrimPrevious;
      canTrimPrevious = false;
      switch (t.kind()) {
        case QUOTED_LIT, STRING_LIT -> {
          String value = Literals.decode(p.src, t, t.kind() == Kind.QUOTED_LIT);
          parts.add(new Part(null, trim ? Literals.trimLeft(value) : value, null, null, null, t.start(), t.end()));
          canTrimPrevious = true;
        }
        case TEMPLATE_INTERP, TEMPLATE_CONTROL -> {
          if (canTrim && t.trims() && !parts.isEmpty() && parts.get(parts.size() - 1).isLiteral()) {
            Part previous = parts.get(parts.size() - 1);
            previous.literal = Literals.trimRight(previous.literal);
          }
          p.pushNewlines(false);
          parts.add(t.kind() == Kind.TEMPLATE_INTERP ? interpolation(t) : directive(t));
          Token end = p.read();
          if (end.kind() != Kind.TEMPLATE_SEQ_END) {
            throw p.error(end, t.kind() == Kind.TEMPLATE_INTERP
                ? "Extra characters after interpolation expression: expected a closing brace to end the"
                    + " interpolation expression, but found " + Parser.describe(end)
                    + "; to write a literal \"${\" escape it as \"$${\""
                : "Extra characters in template directive: expected a closing brace to end the sequence, but"
                    + " found " + Parser.describe(end));
          }
          p.popNewlines();
          trimNext = end.trims();
        }
        case EOF -> throw p.error(t, "Unterminated template string: no closing marker was found for the"
            + " string");
        default -> throw p.error(t, "Unterminated template string: no closing marker was found for the string,"
            + " found " + Parser.describe(t));
      }
    }
    if (parts.isEmpty()) {
      parts.add(new Part(null, "", null, null, null, open.end(), open.end()));
    }
    return parts;
  }

  private Part interpolation(Token open) throws HclSyntaxException {
    Expr e = p.expression();
    return new Part(null, null, e, null, null, open.start(), e.end());
  }

  private Part directive(Token open) throws HclSyntaxException {
    Token keyword = p.read();
    String invalid = "Invalid template directive: ";
    if (keyword.kind() != Kind.IDENT) {
      throw p.error(keyword, invalid + "a template directive keyword (\"if\", \"for\", etc) is expected at the"
          + " beginning of a %{ sequence");
    }
    switch (keyword.text()) {
      case "if" -> {
        Expr condition = p.expression();
        return new Part("if", null, condition, null, null, open.start(), condition.end());
      }
      case "else", "endif", "endfor" -> {
        return new Part(keyword.text(), null, null, null, null, open.start(), keyword.end());
      }
      case "for" -> {
        String key = null;
        Token name = p.read();
        if (name.kind() != Kind.IDENT) {
          throw p.error(name, "Invalid 'for' directive: for directive requires variable name after 'for'");
        }
        String value = name.text();
        if (p.peek().kind() == Kind.COMMA) {
          p.read();
          key = value;
          Token second = p.read();
          if (second.kind() != Kind.IDENT) {
            throw p.error(second, "Invalid 'for' directive: for directive requires value variable name after"
                + " comma");
          }
          value = second.text();
        }
        if (!Parser.keyword(p.peek(), "in")) {
          throw p.error(p.peek(), "Invalid 'for' directive: for directive requires 'in' keyword after names");
        }
        p.read();
        Expr collection = p.expression();
        return new Part("for", null, collection, key, value, open.start(), collection.end());
      }
      default -> throw p.error(keyword, "Invalid template control keyword: \"" + keyword.text()
          + "\" is not a valid template control keyword");
    }
  }

  /**
   * {@code <<-} heredocs: the smallest indentation of the lines' leading literals (blank lines
   * aside) is removed from each of them. Interpolated text never counts, as in hclsyntax.
   */
  private static void flush(List<Part> parts) {
    int min = Integer.MAX_VALUE;
    boolean newline = true;
    List<Part> adjust = new ArrayList<>();
    for (Part part : parts) {
      if (newline) {
        newline = false;
        int spaces = 0;
        if (part.isLiteral()) {
          String rest = Literals.trimLeft(part.literal);
          if (rest.isEmpty() && part.literal.endsWith("\n")) {
            spaces = Integer.MAX_VALUE;
          } else {
            String lead = part.literal.substring(0, part.literal.length() - rest.length());
            spaces = lead.codePointCount(0, lead.length());
            adjust.add(part);
          }
        }
        min = Math.min(min, spaces);
      }
      if (part.isLiteral() && part.literal.endsWith("\n")) {
        newline = true;
      }
    }
    for (Part part : adjust) {
      part.literal = part.literal.substring(part.literal.offsetByCodePoints(0, min));
    }
  }

  private static void meld(List<Part> parts) {
    for (int i = 1; i < parts.size(); ) {
      Part previous = parts.get(i - 1);
      Part current = parts.get(i);
      if (previous.isLiteral() && current.isLiteral()) {
        previous.literal += current.literal;
        previous.end = current.end;
        parts.remove(i);
      } else {
        i++;
      }
    }
  }

  /** Nests directives; stops at (and consumes) an "else"/"endif"/"endfor" for the caller to check. */
  private List<Expr> tree(List<Part> parts, int[] at, String[] stoppedBy) throws HclSyntaxException {
    List<Expr> exprs = new ArrayList<>();
    while (at[0] < parts.size()) {
      Part part = parts.get(at[0]++);
      if (part.isLiteral()) {
        exprs.add(new Literal(JsonNodeFactory.instance.textNode(part.literal), part.start, part.end));
      } else if (part.directive == null) {
        exprs.add(part.expr);
      } else if (part.directive.equals("if")) {
        exprs.add(ifDirective(parts, at, part));
      } else if (part.directive.equals("for")) {
        exprs.add(forDirective(parts, at, part));
      } else if (stoppedBy != null) {
        stoppedBy[0] = part.directive;
        return exprs;
      } else {
        throw p.src.error(part.start, "Unexpected " + part.directive + " directive: the control directives"
            + " within this template are unbalanced");
      }
    }
    if (stoppedBy != null) {
      stoppedBy[0] = null;
    }
    return exprs;
  }

  private Expr ifDirective(List<Part> parts, int[] at, Part open) throws HclSyntaxException {
    String[] stop = new String[1];
    List<Expr> whenTrue = tree(parts, at, stop);
    List<Expr> whenFalse = new ArrayList<>();
    if ("else".equals(stop[0])) {
      whenFalse = tree(parts, at, stop);
    }
    if (!"endif".equals(stop[0])) {
      throw p.src.error(open.start, stop[0] == null
          ? "Unexpected end of template: the if directive is missing its corresponding endif directive"
          : "Unexpected " + stop[0] + " directive: expecting an endif directive for this if");
    }
    int end = parts.get(at[0] - 1).end;
    return new Conditional(open.expr, branch(whenTrue, open.end), branch(whenFalse, end), open.start, end);
  }

  private Expr forDirective(List<Part> parts, int[] at, Part open) throws HclSyntaxException {
    String[] stop = new String[1];
    List<Expr> body = tree(parts, at, stop);
    if (!"endfor".equals(stop[0])) {
      throw p.src.error(open.start, stop[0] == null
          ? "Unexpected end of template: the for directive is missing its corresponding endfor directive"
          : "Unexpected " + stop[0] + " directive: expecting an endfor directive for this for");
    }
    int end = parts.get(at[0] - 1).end;
    return new TemplateFor(open.keyVar, open.valueVar, open.expr, branch(body, open.end), open.start, end);
  }

  private static Template branch(List<Expr> exprs, int at) {
    if (exprs.isEmpty()) {
      exprs = List.of(new Literal(JsonNodeFactory.instance.textNode(""), at, at));
    }
    return new Template(exprs, exprs.get(0).start(), exprs.get(exprs.size() - 1).end());
  }
}
