package dev.labforge.model;

import java.util.HashSet;
import java.util.Set;

/** Derives one MAC per NIC from its lab, machine and index; a clash is resolved by rehashing. */
final class Macs {
  private final String lab;
  private final Set<String> used = new HashSet<>();

  Macs(String lab) {
    this.lab = lab;
  }

  String next(String machine, int nic) {
    for (int salt = 0; ; salt++) {
      String mac = Ids.mac(lab, machine, nic, salt);
      if (used.add(mac)) {
        return mac;
      }
    }
  }
}
