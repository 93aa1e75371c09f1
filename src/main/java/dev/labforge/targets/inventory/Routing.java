package dev.labforge.targets.inventory;

import dev.labforge.model.Machine;

/** Placeholder until the model carries forwarding. */
final class Routing {
  private Routing() {}

  static boolean forwards(Machine m) {
    return false;
  }
}
