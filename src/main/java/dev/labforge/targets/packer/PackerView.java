package dev.labforge.targets.packer;

import java.util.List;

/**
 * The view of one template, raw values only: the template lays out blocks and lines and writes
 * each {@link Value} through {@code packer/include/hcl.ftl}, which quotes strings with esc.hcl.
 */
public record PackerView(
    String image,
    String os,
    String release,
    String file,
    List<String> notes,
    List<Plugin> plugins,
    List<Variable> variables,
    List<Attr> locals,
    List<Source> sources,
    Value sourceRefs,
    List<Block> provisioners,
    List<Block> postProcessors) {

  /** {@code name = value}. */
  public record Attr(String name, Value value) {}

  /**
   * One HCL value, raw. {@code kind}: "string" ({@code text}, quoted by the template), "expr"
   * ({@code text} is an expression labforge wrote: {@code var.x}, {@code true}, a number,
   * {@code null}), "root" (a path next to the template, {@code text} relative to it:
   * {@code "${path.root}/text"}), "ref" ({@code text} after the reference {@code ref}:
   * {@code "${ref}text"}), "list" ({@code items}, one per line when more than one), "tuple"
   * ({@code items} on one line), "map" ({@code entries}, string keys and values, one per line).
   */
  public record Value(String kind, String text, String ref, List<Value> items, List<Entry> entries) {
    static Value string(String s) {
      return new Value("string", s, null, List.of(), List.of());
    }

    static Value expr(String expression) {
      return new Value("expr", expression, null, List.of(), List.of());
    }

    static Value root(String relative) {
      return new Value("root", relative, null, List.of(), List.of());
    }

    static Value ref(String reference, String suffix) {
      return new Value("ref", suffix, reference, List.of(), List.of());
    }

    static Value list(List<Value> items) {
      return new Value("list", null, null, List.copyOf(items), List.of());
    }

    static Value strings(List<String> items) {
      return list(items.stream().map(Value::string).toList());
    }

    static Value tuple(List<Value> items) {
      return new Value("tuple", null, null, List.copyOf(items), List.of());
    }

    static Value map(List<Entry> entries) {
      return new Value("map", null, null, List.of(), List.copyOf(entries));
    }
  }

  /** A map entry: both raw strings. */
  public record Entry(String key, String value) {}

  public record Plugin(String name, String source, String version) {}

  public record Variable(String name, String type, Value defaultValue, String description, boolean sensitive) {}

  public record Source(String type, String name, List<Attr> attributes) {}

  /** A provisioner or post-processor: its type label, a comment line above it, its attributes. */
  public record Block(String type, String comment, List<Attr> attributes) {}
}
