package dev.labforge.targets.lxd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * LXD object names. Every object a lab makes carries the lab's name, so two labs share one LXD
 * and {@code lab.sh down} finds exactly its own. A name that does not fit LXD's limit is cut and
 * ends in a hash of the whole name, so it stays unique and the same on every run.
 */
final class LxdNames {
  /** Linux interface names (a bridge network's name is its interface name): 15 characters. */
  static final int BRIDGE_MAX = 15;
  /** Instance names are host names: 63 characters. Profiles and volumes use the same limit. */
  static final int NAME_MAX = 63;

  private LxdNames() {}

  static String bridge(String lab, String network) {
    String name = lab + "-" + network;
    return name.length() <= BRIDGE_MAX ? name : "lf-" + hash(name).substring(0, BRIDGE_MAX - 3);
  }

  static String instance(String lab, String machine) {
    return fit(lab + "-" + machine);
  }

  static String volume(String lab, String machine, String disk) {
    return fit(lab + "-" + machine + "-" + disk);
  }

  static String fit(String name) {
    if (name.length() <= NAME_MAX) {
      return name;
    }
    String head = name.substring(0, NAME_MAX - 9);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash(name).substring(0, 8);
  }

  private static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
