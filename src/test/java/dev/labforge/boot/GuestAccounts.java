package dev.labforge.boot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The guest's /etc/passwd, /etc/group and /etc/shadow, read from its disk. */
record GuestAccounts(List<String[]> passwd, List<String[]> group, List<String[]> shadow) {

  static GuestAccounts read(GuestDisk disk) {
    return new GuestAccounts(table(disk.text("/etc/passwd")), table(disk.text("/etc/group")),
        table(disk.text("/etc/shadow")));
  }

  Optional<String[]> user(String name) {
    return find(passwd, name);
  }

  Optional<String> passwordHash(String name) {
    return find(shadow, name).map(f -> f[1]);
  }

  List<String> members(String groupName) {
    return find(group, groupName).filter(f -> f.length > 3 && !f[3].isEmpty())
        .map(f -> Arrays.asList(f[3].split(","))).orElse(List.of());
  }

  int uid(String name) {
    return Integer.parseInt(find(passwd, name).orElseThrow(() -> new AssertionError("no user " + name))[2]);
  }

  int gid(String groupName) {
    return Integer.parseInt(find(group, groupName).orElseThrow(() -> new AssertionError("no group " + groupName))[2]);
  }

  private static Optional<String[]> find(List<String[]> table, String name) {
    return table.stream().filter(f -> f[0].equals(name)).findFirst();
  }

  private static List<String[]> table(String text) {
    return text.lines().filter(l -> !l.isBlank()).map(l -> l.split(":", -1)).toList();
  }
}
