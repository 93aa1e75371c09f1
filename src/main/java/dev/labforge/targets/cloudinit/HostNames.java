package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.Machine;

/**
 * A machine's host names. The domain is {@code <lab>.internal}: ".internal" is reserved for
 * private use (ICANN, 2024), so it never resolves on the internet. Vagrant and Terraform targets
 * should take their names from here too.
 */
public final class HostNames {
  public static final String DOMAIN_SUFFIX = "internal";

  private HostNames() {}

  public static String hostname(Machine machine) {
    return machine.name();
  }

  public static String fqdn(Lab lab, Machine machine) {
    return machine.name() + "." + lab.name() + "." + DOMAIN_SUFFIX;
  }
}
