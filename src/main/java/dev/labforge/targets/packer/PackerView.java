package dev.labforge.targets.packer;

import java.util.List;

/**
 * The flat view model of one template: every value is already an HCL expression (text), so the
 * template only lays out blocks and lines.
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
    String sourceRefs,
    List<Block> provisioners,
    List<Block> postProcessors) {

  /** {@code name = value}, value as HCL text. */
  public record Attr(String name, String value) {}

  public record Plugin(String name, String source, String version) {}

  public record Variable(String name, String type, String defaultValue, String description, boolean sensitive) {}

  public record Source(String type, String name, List<Attr> attributes) {}

  /** A provisioner or post-processor: its type label, a comment line above it, its attributes. */
  public record Block(String type, String comment, List<Attr> attributes) {}
}
