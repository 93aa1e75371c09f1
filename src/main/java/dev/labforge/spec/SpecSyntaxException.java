package dev.labforge.spec;

import dev.labforge.spec.Diagnostics;

/** The spec could not be read at all: syntax error, hostile input, wrong encoding. */
public final class SpecSyntaxException extends Exception {
  private final transient Diagnostics diagnostics;

  public SpecSyntaxException(Diagnostics diagnostics) {
    super(diagnostics.format());
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
