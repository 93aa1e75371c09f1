package dev.labforge.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** HCL numbers are arbitrary-precision decimals; hcl2json writes them in plain notation. */
final class Numbers {
  private Numbers() {}

  static JsonNode node(BigDecimal value) {
    BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (v.scale() <= 0) {
      return JsonNodeFactory.instance.numberNode(v.toBigIntegerExact());
    }
    return JsonNodeFactory.instance.numberNode(v);
  }

  /** The number as text, the way a string conversion in cty writes it. */
  static String text(JsonNode number) {
    BigDecimal v = number.decimalValue();
    return (v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()).toPlainString();
  }
}
