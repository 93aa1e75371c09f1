package dev.labforge.targets.xen;

import dev.labforge.model.Ids;
import dev.labforge.model.Lab;
import dev.labforge.model.Network;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The dom0 bridge of each lab network. Linux allows 15 characters, so the name carries a short
 * hash of the lab (two labs with a network "lab" get two bridges) and the network name, or a hash
 * of it when it is too long: {@code lf1a2b-virt}, {@code lf1a2b-man9f3c}. A clash is rehashed.
 */
public final class Bridges {
  static final int MAX = 15;

  private Bridges() {}

  /** Network name to bridge name, in network order. */
  public static Map<String, String> of(Lab lab) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    String prefix = "lf" + hex(Ids.sha256("bridge", lab.name())) + "-";
    for (Network n : lab.networks()) {
      String name = prefix + n.name();
      for (int salt = 0; name.length() > MAX || !used.add(name); salt++) {
        name = prefix + n.name().substring(0, Math.min(3, n.name().length()))
            + hex(Ids.sha256("bridge", lab.name(), n.name(), Integer.toString(salt)));
      }
      out.put(n.name(), name);
    }
    return out;
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash, 0, 2);
  }
}
