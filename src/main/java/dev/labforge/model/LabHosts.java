package dev.labforge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's host names, decided once: every target that writes /etc/hosts lines (the inventory,
 * each machine's cloud-init seed, the Vagrant provisioning) reads them from here, and so does the
 * bound on what a machine's own /etc/hosts lists.
 */
public final class LabHosts {
  /**
   * The most machines a machine's own /etc/hosts lists. Every seed carries that file, and the LXD
   * preseed and the Vagrantfile carry every machine's copy, so listing the whole lab in each made
   * them grow with the square of the lab (at 1,000 machines an 84 MB preseed, over the output
   * limit). Up to this many machines each /etc/hosts lists the whole lab; above it, each lists
   * only its own machine, and {@code inventory/hosts} (one file) still lists every machine.
   */
  public static final int SEED_LIMIT = 256;

  /** One /etc/hosts line, or a comment ({@code ip} null) for a NIC without a fixed address. */
  public record Line(Address ip, List<String> names, String comment) {}

  private LabHosts() {}

  /**
   * The lines {@code viewer}'s own /etc/hosts lists (null: from outside the lab, every machine).
   * Every machine's every fixed address, or, in a lab of more than {@link #SEED_LIMIT} machines,
   * a comment that says so and the viewer's own addresses only. The FQDN and short name go on the
   * address the viewer reaches directly (the machine's first address on a network they share),
   * else on the machine's first fixed address; every address also carries
   * {@code <machine>-<network>}.
   */
  public static List<Line> lines(Lab lab, Machine viewer) {
    List<Line> lines = new ArrayList<>();
    if (viewer != null && !listsAll(lab)) {
      lines.add(new Line(null, List.of(), "The lab has " + lab.machines().size() + " machines, more than the "
          + SEED_LIMIT + " a machine's /etc/hosts lists: only " + viewer.name()
          + " is here; labforge's inventory/hosts lists them all."));
      add(lines, viewer, viewer);
      return List.copyOf(lines);
    }
    for (Machine m : lab.machines()) {
      add(lines, m, viewer);
    }
    return List.copyOf(lines);
  }

  /** Whether every machine's own /etc/hosts lists the whole lab (at most {@link #SEED_LIMIT} machines). */
  public static boolean listsAll(Lab lab) {
    return lab.machines().size() <= SEED_LIMIT;
  }

  /**
   * The warning for a lab over {@link #SEED_LIMIT}, asked by every target that writes a machine's
   * own /etc/hosts (or points at a seed that does); none for a smaller lab.
   */
  public static List<Warning> warnings(Lab lab) {
    if (listsAll(lab)) {
      return List.of();
    }
    return List.of(new Warning("/machines", "the lab has " + lab.machines().size() + " machines, more than the "
        + SEED_LIMIT + " a machine's /etc/hosts lists: each machine's /etc/hosts lists only itself;"
        + " inventory/hosts lists every machine"));
  }

  /** Whether the machine has an address its own names can point at (else they go on 127.0.1.1). */
  public static boolean hasFixedAddress(Machine machine) {
    return machine.nics().stream().anyMatch(n -> !n.dhcp());
  }

  private static void add(List<Line> lines, Machine m, Machine viewer) {
    Nic named = preferred(m, viewer);
    for (Nic n : m.nics()) {
      if (n.dhcp()) {
        lines.add(new Line(null, List.of(), m.name() + " " + n.ifname() + " on " + n.network()
            + " uses DHCP: no fixed address"));
        continue;
      }
      List<String> names = new ArrayList<>();
      if (n == named) {
        names.add(m.fqdn());
        names.add(m.hostname());
      }
      names.add(m.name() + "-" + n.network());
      lines.add(new Line(n.ip(), List.copyOf(names), null));
    }
  }

  private static Nic preferred(Machine m, Machine viewer) {
    if (viewer != null) {
      for (Nic n : m.nics()) {
        if (!n.dhcp() && viewer.nics().stream().anyMatch(v -> v.network().equals(n.network()))) {
          return n;
        }
      }
    }
    return m.nics().stream().filter(n -> !n.dhcp()).findFirst().orElse(null);
  }
}
