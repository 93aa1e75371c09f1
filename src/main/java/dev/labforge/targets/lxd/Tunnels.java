package dev.labforge.targets.lxd;

import dev.labforge.model.Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VXLAN that carries a lab network between the members of an LXD cluster. Its id (VNI) and
 * multicast group are host-wide: two labs on one underlay must not share them, and the same lab
 * must get the same ones on every run. So the id is taken from the SHA-256 of the lab's and the
 * network's names (24 bits, 1 .. 16,777,214), moved on by one while another network of the same
 * lab has it, and the group is 239.0.0.0/8 (administratively scoped) plus the id: a group per id.
 * Two labs on one underlay share an id with a probability of about 2^-24 per pair of networks.
 */
record Tunnels(int id, Address group) {
  /** The most ids there are: VXLAN's 24 bits, without 0 and 2^24 - 1. */
  static final int IDS = (1 << 24) - 2;
  private static final long GROUP_BASE = Address.of(239, 0, 0, 0).value();

  /** Network name to its tunnel, for the networks of one lab in spec order. */
  static Map<String, Tunnels> of(String lab, List<String> networks) {
    Map<String, Tunnels> tunnels = new LinkedHashMap<>();
    Set<Integer> taken = new HashSet<>();
    for (String network : networks) {
      int id = 1 + (int) (hash(lab, network) % IDS);
      while (!taken.add(id)) {
        id = id % IDS + 1;
      }
      tunnels.put(network, new Tunnels(id, new Address(GROUP_BASE + id)));
    }
    return tunnels;
  }

  private static long hash(String lab, String network) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(("vxlan\0" + lab + "\0" + network).getBytes(StandardCharsets.UTF_8));
      return ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
