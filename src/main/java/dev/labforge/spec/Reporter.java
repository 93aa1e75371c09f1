package dev.labforge.spec;

import dev.labforge.spec.LocatedTree;

/** Reports a problem at a JSON pointer of the spec, looking up where that node was written. */
public final class Reporter {
  private final LocatedTree tree;
  private final Diagnostics diagnostics;

  public Reporter(LocatedTree tree, Diagnostics diagnostics) {
    this.tree = tree;
    this.diagnostics = diagnostics;
  }

  public LocatedTree tree() {
    return tree;
  }

  public void at(String pointer, String message) {
    diagnostics.error(tree.valueAt(pointer), pointer, message);
  }

  public void atKey(String pointer, String message) {
    diagnostics.error(tree.keyAt(pointer), pointer, message);
  }

  /** A warning at the key of {@code pointer} (the value's own place when it has no key). */
  public void warnAtKey(String pointer, String message) {
    diagnostics.warning(tree.keyAt(pointer), pointer, message);
  }
}
