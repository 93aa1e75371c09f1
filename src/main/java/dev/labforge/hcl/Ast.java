package dev.labforge.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The syntax tree, only as detailed as hcl2json's conversion needs: every node keeps its source
 * span {@code [start, end)} because expressions that are not literals are rendered as their source.
 */
final class Ast {
  private Ast() {}

  sealed interface Expr permits Literal, Template, TemplateWrap, Tuple, ObjectCons, Unary, Conditional,
      TemplateFor, Other {
    int start();

    int end();
  }

  /** A number, bool, null, or a template's literal text. */
  record Literal(JsonNode value, int start, int end) implements Expr {}

  /** A quoted or heredoc template with several parts (or one literal part). */
  record Template(List<Expr> parts, int start, int end) implements Expr {}

  /** A template that is exactly one interpolation, {@code "${x}"}. */
  record TemplateWrap(Expr wrapped, int start, int end) implements Expr {}

  record Tuple(List<Expr> items, int start, int end) implements Expr {}

  record ObjectCons(List<Item> items, int start, int end) implements Expr {}

  record Item(Expr key, Expr value) {}

  record Unary(char operator, Expr operand, int start, int end) implements Expr {}

  /** {@code c ? a : b}, and a template's {@code %{if}} directive. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, int start, int end) implements Expr {}

  /** A template's {@code %{for}} directive. */
  record TemplateFor(String keyVar, String valueVar, Expr collection, Expr body, int start, int end)
      implements Expr {}

  /**
   * Any other expression (function call, operator, traversal, index, splat, for, parentheses).
   * {@code scopeTraversal} marks a plain reference like {@code var.x} or {@code a.b[0]}.
   */
  record Other(boolean scopeTraversal, int start, int end) implements Expr {}

  record Attribute(String name, Expr value, int nameStart) {}

  record Block(String type, List<String> labels, Body body, int start) {}

  record Body(List<Attribute> attributes, List<Block> blocks) {}
}
