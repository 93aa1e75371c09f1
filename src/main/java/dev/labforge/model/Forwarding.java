package dev.labforge.model;

import java.util.List;

/**
 * How a machine with {@code forwarding: true} forwards IPv4, the same in every target: a sysctl.d
 * file keeps it on across boots, and the sysctl command turns it on at once (systemd-sysctl has
 * already run when a first boot writes the file).
 */
public final class Forwarding {
  public static final String SYSCTL_FILE = "/etc/sysctl.d/60-labforge-forwarding.conf";
  public static final String SYSCTL_CONTENT =
      "# labforge: this machine routes between its networks (forwarding: true)\nnet.ipv4.ip_forward = 1\n";
  public static final List<String> ENABLE = List.of("sysctl", "-w", "net.ipv4.ip_forward=1");

  private Forwarding() {}
}
