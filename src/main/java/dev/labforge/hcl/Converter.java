package dev.labforge.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.hcl.Ast.Attribute;
import dev.labforge.hcl.Ast.Block;
import dev.labforge.hcl.Ast.Body;
import dev.labforge.hcl.Ast.Conditional;
import dev.labforge.hcl.Ast.Expr;
import dev.labforge.hcl.Ast.Item;
import dev.labforge.hcl.Ast.Literal;
import dev.labforge.hcl.Ast.ObjectCons;
import dev.labforge.hcl.Ast.Other;
import dev.labforge.hcl.Ast.Template;
import dev.labforge.hcl.Ast.TemplateFor;
import dev.labforge.hcl.Ast.TemplateWrap;
import dev.labforge.hcl.Ast.Tuple;
import dev.labforge.hcl.Ast.Unary;
import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * The syntax tree as JSON, with hcl2json's rules (github.com/tmccombs/hcl2json, as @cdktf/hcl2json
 * ships it): blocks nest by type then labels and each body is wrapped in a list; literals become
 * JSON values; every other expression becomes {@code "${<its source text>}"}; template literal
 * text gets {@code ${} and {@code %{} doubled so it cannot be mistaken for a sequence.
 */
final class Converter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Source src;

  Converter(Source src) {
    this.src = src;
  }

  ObjectNode body(Body body) throws HclSyntaxException {
    ObjectNode out = NODES.objectNode();
    for (Block block : body.blocks()) {
      block(block, out);
    }
    for (Attribute attribute : body.attributes()) {
      out.set(attribute.name(), expression(attribute.value()));
    }
    return out;
  }

  private void block(Block block, ObjectNode out) throws HclSyntaxException {
    String key = block.type();
    for (String label : block.labels()) {
      JsonNode existing = out.get(key);
      if (existing == null) {
        out = out.putObject(key);
      } else if (existing instanceof ObjectNode nested) {
        out = nested;
      } else {
        throw src.error(block.start(), "Unable to convert block to JSON: " + block.type() + "."
            + String.join(".", block.labels()) + " (blocks of one type cannot have labels here and none elsewhere)");
      }
      key = label;
    }
    JsonNode existing = out.get(key);
    if (existing == null) {
      out.putArray(key).add(body(block.body()));
    } else if (existing instanceof ArrayNode list) {
      list.add(body(block.body()));
    } else {
      throw src.error(block.start(), "invalid HCL detected for \"" + key + "\" block, cannot have blocks with"
          + " and without labels");
    }
  }

  JsonNode expression(Expr e) throws HclSyntaxException {
    if (e instanceof Literal l) {
      return l.value();
    } else if (e instanceof Unary u) {
      return u.operand() instanceof Literal l ? unary(u, l.value()) : NODES.textNode(wrap(e));
    } else if (e instanceof Template t) {
      return NODES.textNode(template(t));
    } else if (e instanceof TemplateWrap w) {
      return expression(w.wrapped());
    } else if (e instanceof Tuple t) {
      ArrayNode list = NODES.arrayNode();
      for (Expr item : t.items()) {
        list.add(expression(item));
      }
      return list;
    } else if (e instanceof ObjectCons o) {
      ObjectNode map = NODES.objectNode();
      for (Item item : o.items()) {
        map.set(key(item.key()), expression(item.value()));
      }
      return map;
    }
    return NODES.textNode(wrap(e));
  }

  private JsonNode unary(Unary u, JsonNode operand) throws HclSyntaxException {
    if (u.operator() == '-') {
      if (operand.isNumber()) {
        return Numbers.node(operand.decimalValue().negate());
      }
      if (operand.isTextual()) {
        try {
          return Numbers.node(new BigDecimal(operand.asText()).negate());
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
    } else if (operand.isBoolean()) {
      return NODES.booleanNode(!operand.booleanValue());
    }
    throw src.error(u.start(), "Invalid operand: unsuitable value for the " + u.operator() + " operator");
  }

  private String template(Template t) throws HclSyntaxException {
    if (TemplateParser.isStringLiteral(t)) {
      return escape(((Literal) t.parts().get(0)).value().asText());
    }
    StringBuilder out = new StringBuilder();
    for (Expr part : t.parts()) {
      out.append(stringPart(part));
    }
    return out.toString();
  }

  private String stringPart(Expr e) throws HclSyntaxException {
    if (e instanceof Literal l) {
      JsonNode v = l.value();
      return v.isNull() ? "null" : v.isNumber() ? escape(Numbers.text(v)) : escape(v.asText());
    } else if (e instanceof Template t) {
      return template(t);
    } else if (e instanceof TemplateWrap w) {
      return stringPart(w.wrapped());
    } else if (e instanceof Conditional c) {
      String whenFalse = stringPart(c.whenFalse());
      return "%{if " + source(c.condition().start(), c.condition().end()) + "}" + stringPart(c.whenTrue())
          + (whenFalse.isEmpty() ? "" : "%{else}" + whenFalse) + "%{endif}";
    } else if (e instanceof TemplateFor f) {
      return "%{for " + (f.keyVar() == null ? "" : f.keyVar() + ", ") + f.valueVar() + " in "
          + source(f.collection().start(), f.collection().end()) + "}" + stringPart(f.body()) + "%{endfor}";
    }
    return wrap(e);
  }

  private String key(Expr key) throws HclSyntaxException {
    if (key instanceof Other o && o.scopeTraversal()) {
      return source(o.start(), o.end());
    }
    return stringPart(key);
  }

  private String wrap(Expr e) {
    return "${" + source(e.start(), e.end()) + "}";
  }

  /** The source of a span; like hcl2json, a ")" right after it is taken in too. */
  private String source(int start, int end) {
    int to = end < src.text.length() && src.text.charAt(end) == ')' ? end + 1 : end;
    return src.text.substring(start, to);
  }

  /** Literal text as hcl2json gives it: through a cty string, so in Unicode NFC (block labels are not). */
  static String escape(String literal) {
    return Normalizer.normalize(literal, Normalizer.Form.NFC).replace("${", "$${").replace("%{", "%%{");
  }
}
