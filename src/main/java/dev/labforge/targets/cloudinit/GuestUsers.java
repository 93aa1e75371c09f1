package dev.labforge.targets.cloudinit;

import dev.labforge.model.Machine;
import dev.labforge.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users as cloud-init's users-groups module wants them. {@code sudo} is a rule STRING: cloud-init
 * 22.4 rejects a list, and {@code true} is deprecated. A user without a password keeps a locked
 * password; the hash is written, never clear text.
 */
public final class GuestUsers {
  /** One account; {@code hashedPasswd} and {@code sudo} are null when the user has none. */
  public record GuestUser(String name, List<String> groups, String shell, boolean lockPasswd, String hashedPasswd,
      String sudo, List<String> keys) {}

  private GuestUsers() {}

  public static List<GuestUser> of(Machine machine) {
    return machine.users().stream().map(u -> new GuestUser(u.name(), u.groups(), u.shell(), !u.hasPassword(),
        u.passwordHash(), u.sudoRule(), u.sshAuthorizedKeys())).toList();
  }

  /** Password log-in over SSH only when some user has a password to log in with. */
  public static boolean sshPasswordAuth(Machine machine) {
    return machine.users().stream().anyMatch(User::hasPassword);
  }

  /** Every key of every user, in order, named {@code <user>-<n>} (the OpenStack key list wants names). */
  public static Map<String, String> namedKeys(Machine machine) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (User u : machine.users()) {
      for (int i = 0; i < u.sshAuthorizedKeys().size(); i++) {
        keys.put(u.name() + "-" + (i + 1), u.sshAuthorizedKeys().get(i));
      }
    }
    return keys;
  }
}
