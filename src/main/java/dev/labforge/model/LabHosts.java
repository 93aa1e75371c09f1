package dev.labforge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's host names, decided once: every target that writes /etc/hosts lines (the inventory,
 * each machine's cloud-init seed, the Vagrant provisioning) reads them from here.
 */
public final class LabHosts {
  /** One /etc/hosts line, or a comment ({@code ip} null) for a NIC without a fixed address. */
  public record Line(String ip, List<String> names, String comment) {}

  private LabHosts() {}

  /**
   * Every machine's every fixed address, as seen from {@code viewer} (null: from outside the lab).
   * The FQDN and short name go on the address the viewer reaches directly (the machine's first
   * address on a network they share), else on the machine's first fixed address; every address
   * also carries {@code <machine>-<network>}.
   */
  public static List<Line> lines(Lab lab, Machine viewer) {
    List<Line> lines = new ArrayList<>();
    for (Machine m : lab.machines()) {
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
    return List.copyOf(lines);
  }

  /** Whether the machine has an address its own names can point at (else they go on 127.0.1.1). */
  public static boolean hasFixedAddress(Machine machine) {
    return machine.nics().stream().anyMatch(n -> !n.dhcp());
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
