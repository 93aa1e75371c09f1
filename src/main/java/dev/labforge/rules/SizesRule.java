package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Sizes;
import java.math.BigDecimal;
import java.util.Optional;

/** Memory and disk sizes parse with their units and stay within what a hypervisor accepts. */
final class SizesRule implements Rule {
  static final long MIN_MEMORY = 256;
  static final long MAX_MEMORY = 1024L * 1024;
  static final long MIN_DISK = 1024;
  static final long MAX_DISK = 64L * 1024 * 1024;

  @Override
  public void check(JsonNode spec, Reporter report) {
    settings(spec.get("defaults"), "/defaults", report);
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      settings(machine, at, report);
      Nodes.eachItem(machine.get("disks"), at + "/disks", (disk, diskAt) ->
          bounded(disk.get("size"), diskAt + "/size", MIN_DISK, MAX_DISK, report));
    });
  }

  private static void settings(JsonNode node, String at, Reporter report) {
    if (node == null || !node.isObject()) {
      return;
    }
    bounded(node.get("memory"), at + "/memory", MIN_MEMORY, MAX_MEMORY, report);
    bounded(node.get("disk"), at + "/disk", MIN_DISK, MAX_DISK, report);
  }

  /**
   * Every size the schema lets through (an integer of any magnitude or sign, a string with a unit)
   * is whole and within bounds here, so the model never meets one it cannot take.
   */
  private static void bounded(JsonNode size, String at, long min, long max, Reporter report) {
    Optional<BigDecimal> mib = Sizes.exactMib(size);
    if (mib.isEmpty()) {
      return; // not a size at all: the schema says what is wrong
    }
    if (mib.get().signum() > 0 && mib.get().stripTrailingZeros().scale() > 0) {
      report.at(at, "'" + size.asText() + "' is not a whole number of MiB");
    } else if (mib.get().compareTo(BigDecimal.valueOf(min)) < 0) {
      report.at(at, "must be at least " + Sizes.show(min));
    } else if (mib.get().compareTo(BigDecimal.valueOf(max)) > 0) {
      report.at(at, "must be at most " + Sizes.show(max));
    }
  }
}
