package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Numbers as a spec means them: read exactly (never through a double, which rounds), and a whole
 * number is an integer however it is written. JSON Schema 2020-12 says the same ({@code 4096.0}
 * is an "integer"), so {@code memory: 4096.0} or {@code 8e3} is taken as 4096 or 8000 MiB by every
 * later stage, and a number with a fraction stays a decimal that every integer key refuses.
 */
public final class Numbers {
  /** Digits before the point beyond which a number is refused unread: 1e999999999 would fill the heap. */
  static final int MAX_DIGITS = 100;
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  /** The node for {@code value}, or empty when it has more than {@link #MAX_DIGITS} digits before the point. */
  static Optional<JsonNode> node(BigDecimal value) {
    if (value.signum() != 0 && value.precision() - value.scale() > MAX_DIGITS) {
      return Optional.empty();
    }
    BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    return Optional.of(plain.scale() <= 0 ? node(plain.toBigIntegerExact()) : NODES.numberNode(value));
  }

  /** An integer node, as small a kind as holds it: the same value always gives the same node. */
  static JsonNode node(BigInteger value) {
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return NODES.numberNode(value.longValueExact());
    }
    return NODES.numberNode(value);
  }

  /** The message for a number whose text no BigDecimal reads: an exponent past 2^31, or not a number at all. */
  static String unreadable(String literal) {
    return literal.matches("[-+]?[0-9._:]*[eE][-+]?[0-9]+")
        ? "'" + literal + "' has an exponent too large to read; no key of a spec takes such a number"
        : "'" + literal + "' is not a number";
  }

  /** The message for a number refused by {@link #node(BigDecimal)}. */
  static String tooLarge(String literal) {
    return "'" + literal + "' is too large a number; no key of a spec takes one with more than "
        + MAX_DIGITS + " digits";
  }
}
