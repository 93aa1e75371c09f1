package dev.labforge.render;

/** How a rendered file is parsed back before it is written. */
public enum Format {
  /** YAML 1.1, as cloud-init's PyYAML reads it. */
  YAML,
  JSON,
  /** HCL2 native syntax (Packer, Terraform). */
  HCL,
  /** Checked by its target (the Vagrantfile's view model is schema-checked before rendering). */
  RUBY,
  TEXT,
  BINARY
}
