package dev.labforge.model;

import java.util.HexFormat;

/**
 * The names a lab's objects get on the host (libvirt domains and networks, LXD instances,
 * profiles, volumes and images, Xen domains, bridges, Vagrant's domains), decided once for every
 * target. Two labs share a host, so each name carries the lab's name, and no two (lab, machine) or
 * (lab, machine, disk) may ever give the same name.
 *
 * <p>A plain {@code lab-machine} is not enough: spec names may contain "-" (lab {@code a-b} machine
 * {@code c} and lab {@code a} machine {@code b-c} both give {@code a-b-c}), and LXD instance names
 * are host names, so no other separator is free. Hence {@link #join}: every "-" inside a part but
 * the last is doubled, and parts are joined by a single "-". A part starts with a letter, so the
 * first run of an odd number of dashes ends the first part; the name decodes back to its parts, so
 * distinct parts give distinct names. Names without a "-" in the lab's name read as before:
 * {@code rtlab-web-1}; {@code lpic3-353} gives {@code lpic3--353-cloud}.
 *
 * <p>Where a host limits the length (63 for a host name, 15 for an interface), a name that does not
 * fit is the head of the lab's escaped part, "-", and a tail of 12 characters: a decimal digit and 11
 * hex digits of the SHA-256 of its parts (about 47 bits). A plain name's first run of an odd number of
 * dashes is the single "-" after the lab's part, followed by the next part's letter; in a cut name it
 * is followed by the tail's digit. So a cut name is never another lab's plain name, and two cut names
 * are equal only if their hashes are: for n cut names on one host, a probability below n²/2⁴⁸.
 */
public final class HostNames {
  /** LXD instance names are host names; profiles and volumes follow them. */
  public static final int NAME_MAX = 63;
  /** A Linux interface name (a bridge's) has at most IFNAMSIZ - 1 characters. */
  public static final int BRIDGE_MAX = 15;
  /** Characters of the tail a cut name ends in: a decimal digit, then hex digits. */
  static final int TAIL = 12;

  private HostNames() {}

  /** The machine's domain or instance: libvirt, LXD (instance and profile), Xen, VirtualBox. */
  public static String machine(String lab, String machine) {
    return fit(NAME_MAX, "machine", lab, machine);
  }

  /**
   * What goes before a machine's name when a tool adds the name itself (vagrant-libvirt's
   * {@code default_prefix}): {@code prefix(lab) + machine} is {@link #join}{@code (lab, machine)}.
   */
  public static String prefix(String lab) {
    return escape(lab) + "-";
  }

  /** A lab network's libvirt network, VirtualBox internal network. */
  public static String network(String lab, String network) {
    return fit(NAME_MAX, "network", lab, network);
  }

  /** A data disk's volume (LXD custom volume). */
  public static String volume(String lab, String machine, String disk) {
    return fit(NAME_MAX, "volume", lab, machine, disk);
  }

  /** An image imported under the lab's name (LXD image alias); an image's name may hold "." and "_". */
  public static String image(String lab, String image) {
    return join(lab, image);
  }

  /** A lab network's bridge on the host: {@code lab-network} when it fits in 15 characters. */
  public static String bridge(String lab, String network) {
    return fit(BRIDGE_MAX, "bridge", lab, network);
  }

  /**
   * A lab network's bridge on an LXD cluster. LXD names the bridge's VXLAN interface
   * {@code <bridge>-<tunnel>}, which must fit in 15 characters too; the lxd target's tunnel is
   * called "v", so the bridge has at most 13. When {@code lab-network} is longer, the name is "x" and
   * the 12-character tail of {@link #tail}: without a "-", it is never a plain join (two parts and a
   * "-") nor a cut name (head, "-", tail).
   */
  public static String clusterBridge(String lab, String network) {
    String name = join(lab, network);
    return name.length() <= CLUSTER_BRIDGE_MAX ? name : "x" + tail("cluster-bridge", lab, network);
  }

  /** A cluster bridge's length: 15, less "-v" for its VXLAN interface. */
  public static final int CLUSTER_BRIDGE_MAX = BRIDGE_MAX - 2;

  /** The parts, each "-" of all but the last doubled, joined by "-": decodes back to the parts. */
  public static String join(String... parts) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      name.append(escape(parts[i])).append('-');
    }
    return name.append(parts[parts.length - 1]).toString();
  }

  /**
   * The join when it fits in {@code max}; else the head of the lab's escaped part (whole runs of
   * dashes only, so every run in it stays even), "-" and the tail of {@link #tail}.
   */
  static String fit(int max, String kind, String... parts) {
    String name = join(parts);
    if (name.length() <= max) {
      return name;
    }
    String lab = escape(parts[0]);
    String head = lab.substring(0, Math.min(lab.length(), max - TAIL - 1));
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    String[] input = new String[parts.length + 1];
    input[0] = kind;
    System.arraycopy(parts, 0, input, 1, parts.length);
    return head + "-" + tail(input);
  }

  /** A decimal digit, which no part starts with, then hex digits of the SHA-256 of the input. */
  private static String tail(String... input) {
    byte[] sha = Ids.sha256(input);
    return Integer.toString(Byte.toUnsignedInt(sha[0]) % 10) + HexFormat.of().formatHex(sha, 1, 7).substring(0, TAIL - 1);
  }

  private static String escape(String part) {
    return part.replace("-", "--");
  }
}
