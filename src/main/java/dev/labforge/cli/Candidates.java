package dev.labforge.cli;

import dev.labforge.SpecInput;
import java.util.Iterator;

/** Values picocli offers in help (${COMPLETION-CANDIDATES}) and in the bash/zsh completion script. */
final class Candidates {
  private Candidates() {}

  /** {@code -t}: the target ids, from the registry. */
  static final class Targets implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return dev.labforge.targets.Targets.ids().iterator();
    }
  }

  /** {@code init --example}: the packed examples. */
  static final class Examples implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SpecInput.EXAMPLES.iterator();
    }
  }

  /** {@code schema NAME}: lab, manifest and every target's schemas. */
  static final class Schemas implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SchemaAction.known().iterator();
    }
  }
}
