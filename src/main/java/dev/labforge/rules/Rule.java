package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A semantic rule beyond what JSON Schema can say. Rules read the raw tree defensively: the
 * schema may have failed too, and every problem should still be reported once.
 */
interface Rule {
  void check(JsonNode spec, Reporter report);
}
