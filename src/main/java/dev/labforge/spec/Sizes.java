package dev.labforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the spec writes them: an integer is MiB, a string carries MiB, GiB or TiB. */
public final class Sizes {
  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?(MiB|GiB|TiB)");

  private Sizes() {}

  /**
   * The size in whole MiB, or empty if it is not a size, not a whole positive number of MiB or more
   * than a long holds. The rules have refused all of these before the model asks.
   */
  public static Optional<Long> mib(JsonNode node) {
    return exactMib(node).flatMap(total -> {
      try {
        long value = total.longValueExact();
        return value > 0 ? Optional.of(value) : Optional.<Long>empty();
      } catch (ArithmeticException notWholeOrTooLarge) {
        return Optional.empty();
      }
    });
  }

  /**
   * The size in MiB exactly as written (a fraction, zero, a negative or a huge number too), or empty
   * if it is neither an integer nor a string with a unit. A whole number written as 4096.0 or 8e3 is
   * an integer node by now ({@link Numbers}).
   */
  public static Optional<BigDecimal> exactMib(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isIntegralNumber()) {
      return Optional.of(new BigDecimal(node.bigIntegerValue()));
    }
    if (!node.isTextual()) {
      return Optional.empty();
    }
    Matcher m = SIZE.matcher(node.asText());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal factor = switch (m.group(2)) {
      case "GiB" -> BigDecimal.valueOf(1024);
      case "TiB" -> BigDecimal.valueOf(1024L * 1024);
      default -> BigDecimal.ONE;
    };
    return Optional.of(new BigDecimal(m.group(1)).multiply(factor));
  }

  /** 2048 becomes "2 GiB"; 1536 stays "1536 MiB". */
  public static String show(long mib) {
    if (mib % (1024L * 1024) == 0) {
      return mib / (1024L * 1024) + " TiB";
    }
    return mib % 1024 == 0 ? mib / 1024 + " GiB" : mib + " MiB";
  }
}
