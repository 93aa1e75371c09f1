package dev.labforge.targets.terraform;

import dev.labforge.model.Machine;
import java.util.List;
import java.util.Map;

/**
 * The Nova flavor a machine asks for. {@code targets.terraform.flavors} wins, looked up by the
 * machine's name and then by its base name (the name without a {@code -N} count suffix). Otherwise
 * the smallest classic flavor (m1.tiny .. m1.xlarge, as devstack and most clouds define them)
 * whose vCPUs, RAM and root disk all cover the machine; a machine bigger than m1.xlarge gets a
 * descriptive name, {@code labforge.<cpus>c.<memory MiB>m.<disk GiB>g}, for the operator to create.
 */
final class Flavors {
  /** A classic flavor: name, vCPUs, RAM in MiB, root disk in GiB. */
  record Flavor(String name, int cpus, long memoryMib, long diskGib) {
    boolean fits(Machine m) {
      return cpus >= m.cpus() && memoryMib >= m.memoryMib() && diskGib >= m.diskGib();
    }
  }

  static final List<Flavor> CLASSIC = List.of(
      new Flavor("m1.tiny", 1, 512, 1),
      new Flavor("m1.small", 1, 2048, 20),
      new Flavor("m1.medium", 2, 4096, 40),
      new Flavor("m1.large", 4, 8192, 80),
      new Flavor("m1.xlarge", 8, 16384, 160));

  private Flavors() {}

  static String of(Machine machine, Map<String, String> configured) {
    String exact = configured.get(machine.name());
    if (exact != null) {
      return exact;
    }
    String base = machine.name().replaceFirst("-[0-9]+$", "");
    if (!base.equals(machine.name()) && configured.containsKey(base)) {
      return configured.get(base);
    }
    return CLASSIC.stream().filter(f -> f.fits(machine)).map(Flavor::name).findFirst()
        .orElse("labforge." + machine.cpus() + "c." + machine.memoryMib() + "m." + machine.diskGib() + "g");
  }
}
