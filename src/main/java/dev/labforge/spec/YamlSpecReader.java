package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.spec.Diagnostics;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into a JSON tree that remembers each node's line and column. It composes SnakeYAML
 * nodes (which carry marks) instead of constructing Java objects, so no tag can instantiate a
 * class, and SnakeYAML's own limits on aliases, nesting and size stay on.
 */
final class YamlSpecReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final SourceText source;
  private final Diagnostics problems;
  private final Map<String, Position> positions = new HashMap<>();
  /** The text of each number and boolean as written (0644, 8e3, yes), for messages. */
  private final Map<String, String> literals = new HashMap<>();
  private final Scalars scalars;
  private int nodeCount;
  /** The collections being converted, from the root down to the current node. */
  private final java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  YamlSpecReader(SourceText source) {
    this.source = source;
    this.problems = new Diagnostics(source);
    this.scalars = new Scalars(options());
  }

  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(Limits.MAX_DEPTH);
    options.setCodePointLimit(Limits.MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setProcessComments(false);
    return options;
  }

  LocatedTree read() throws SpecSyntaxException {
    Node root;
    try {
      root = new Yaml(options()).compose(new StringReader(source.text()));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      problems.error(position(mark), "", "YAML syntax: " + clean(problem));
      throw new SpecSyntaxException(problems);
    } catch (YAMLException e) {
      problems.error(new Position(1, 1), "", "YAML: " + clean(e.getMessage()) + hint(e));
      throw new SpecSyntaxException(problems);
    }
    if (root == null) {
      problems.error(new Position(1, 1), "", "the spec is empty; expected a mapping with 'version: 1'");
      throw new SpecSyntaxException(problems);
    }
    JsonNode tree = convert(root, "");
    if (!problems.isEmpty()) {
      throw new SpecSyntaxException(problems);
    }
    return new LocatedTree(source, tree, Map.copyOf(positions), Map.copyOf(literals));
  }

  private JsonNode convert(Node node, String pointer) {
    if (++nodeCount > Limits.MAX_NODES) {
      if (nodeCount == Limits.MAX_NODES + 1) {
        problems.error(position(node.getStartMark()), "",
            "the document expands to more than " + Limits.MAX_NODES
                + " nodes (are aliases nested?); refusing to read it");
      }
      return NODES.nullNode();
    }
    positions.putIfAbsent(pointer, position(node.getStartMark()));
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar, pointer);
    }
    // An alias may name a node it stands inside of (x: &a [*a]): the tree would never end.
    if (!open.add(node)) {
      problems.error(position(node.getStartMark()), pointer,
          "an alias refers to a node that contains it; the value would never end");
      return NODES.nullNode();
    }
    try {
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, pointer);
      }
      ArrayNode array = NODES.arrayNode();
      List<Node> items = ((SequenceNode) node).getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), pointer + "/" + i));
      }
      return array;
    } finally {
      open.remove(node);
    }
  }

  private ObjectNode mapping(MappingNode mapping, String pointer) {
    ObjectNode object = NODES.objectNode();
    Map<String, Position> seen = new HashMap<>();
    List<NodeTuple> merged = new java.util.ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
        mergeSources(tuple.getValueNode(), pointer, merged);
      }
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (Tag.MERGE.equals(keyNode.getTag())) {
        continue;
      }
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.error(position(keyNode.getStartMark()), pointer, "a key must be a plain string");
        continue;
      }
      String key = keyScalar.getValue();
      String child = pointer + "/" + LocatedTree.escape(key);
      Position keyPos = position(keyNode.getStartMark());
      Position first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        problems.error(keyPos, child, "duplicate key '" + key + "' (first defined at line "
            + first.line() + ")");
        continue;
      }
      positions.putIfAbsent(child + "#key", keyPos);
      LoneSurrogates.problem(key).ifPresent(p -> problems.error(keyPos, child, "this key's " + p));
      object.set(key, convert(tuple.getValueNode(), child));
    }
    // Explicit keys win over merged ones, as YAML's merge key defines.
    for (NodeTuple tuple : merged) {
      if (tuple.getKeyNode() instanceof ScalarNode keyScalar && !object.has(keyScalar.getValue())) {
        String key = keyScalar.getValue();
        String child = pointer + "/" + LocatedTree.escape(key);
        Position keyPos = position(tuple.getKeyNode().getStartMark());
        positions.putIfAbsent(child + "#key", keyPos);
        LoneSurrogates.problem(key).ifPresent(p -> problems.error(keyPos, child, "this key's " + p));
        object.set(key, convert(tuple.getValueNode(), child));
      }
    }
    return object;
  }

  private void mergeSources(Node value, String pointer, List<NodeTuple> into) {
    if (value instanceof MappingNode source) {
      into.addAll(source.getValue());
    } else if (value instanceof SequenceNode list) {
      if (!open.add(list)) {
        problems.error(position(value.getStartMark()), pointer,
            "an alias refers to a node that contains it; the value would never end");
        return;
      }
      for (Node item : list.getValue()) {
        mergeSources(item, pointer, into);
      }
      open.remove(list);
    } else {
      problems.error(position(value.getStartMark()), pointer,
          "a merge key (<<) needs a mapping or a list of mappings");
    }
  }

  private JsonNode scalar(ScalarNode node, String pointer) {
    Tag tag = node.getTag();
    if (Tag.STR.equals(tag) || Tag.TIMESTAMP.equals(tag)) {
      LoneSurrogates.problem(node.getValue()).ifPresent(p ->
          problems.error(position(node.getStartMark()), pointer, "this string's " + p));
      return NODES.textNode(node.getValue());
    }
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.FLOAT.equals(tag)) {
      return number(node, pointer, () -> exactFloat(node.getValue()));
    }
    if (Tag.INT.equals(tag)) {
      return number(node, pointer, () -> new BigDecimal(new BigInteger(String.valueOf(scalars.value(node)))));
    }
    if (Tag.BOOL.equals(tag) && scalars.value(node) instanceof Boolean b) {
      literals.put(pointer, node.getValue());
      return NODES.booleanNode(b);
    }
    problems.error(position(node.getStartMark()), pointer,
        "unsupported YAML tag " + tag.getValue() + "; write a plain string, number or boolean");
    return NODES.nullNode();
  }

  /**
   * A number exactly as written: SnakeYAML reads a float as a double, which rounds (4096.0000000000001
   * would pass as 4096); here its digits go to a BigDecimal. Its literal is kept for messages.
   */
  private JsonNode number(ScalarNode node, String pointer, java.util.concurrent.Callable<BigDecimal> read) {
    Position at = position(node.getStartMark());
    String literal = node.getValue();
    BigDecimal value;
    try {
      value = read.call();
    } catch (NotFinite e) {
      problems.error(at, pointer, "'" + literal + "' is not a finite number; no key of a spec takes one");
      return NODES.nullNode();
    } catch (Exception e) {
      // an explicit tag on something else (!!int abc), or an exponent beyond what a BigDecimal holds
      problems.error(at, pointer, Numbers.unreadable(literal) + (Tag.INT.equals(node.getTag()) ? " (tagged !!int)" : ""));
      return NODES.nullNode();
    }
    literals.put(pointer, literal);
    return Numbers.node(value).orElseGet(() -> {
      problems.error(at, pointer, Numbers.tooLarge(literal));
      return NODES.nullNode();
    });
  }

  /** YAML 1.1 floats: underscores, a sign, base 60 (1:30.5), .inf and .nan. */
  static BigDecimal exactFloat(String text) throws NotFinite {
    String t = text.replace("_", "");
    if (t.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) {
      throw new NotFinite();
    }
    boolean negative = t.startsWith("-");
    t = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    BigDecimal value;
    if (t.contains(":")) {
      value = BigDecimal.ZERO;
      for (String digits : t.split(":")) {
        value = value.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(digits));
      }
    } else {
      value = new BigDecimal(t);
    }
    return negative ? value.negate() : value;
  }

  /** .inf or .nan. */
  static final class NotFinite extends Exception {
    NotFinite() {
      super(null, null, false, false);
    }
  }

  private static Position position(Mark mark) {
    return mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String clean(String message) {
    if (message == null) {
      return "unreadable document";
    }
    String oneLine = message.strip().replaceAll("\\s+", " ");
    return oneLine.replace("The incoming YAML document exceeds the limit: ",
        "the document exceeds the size limit of ");
  }

  private static String hint(YAMLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("aliases")) {
      return " (alias expansion is limited to " + Limits.MAX_ALIASES + " to stop alias bombs)";
    }
    if (message.contains("Nesting Depth")) {
      return " (nesting is limited to " + Limits.MAX_DEPTH + " levels)";
    }
    return "";
  }

  /** Exposes SnakeYAML's YAML 1.1 scalar rules (0x10, 1_000, yes/no) without building objects. */
  private static final class Scalars extends SafeConstructor {
    Scalars(LoaderOptions options) {
      super(options);
    }

    Object value(ScalarNode node) {
      return constructObject(node);
    }
  }
}
