package dev.labforge.targets.packer;

import dev.labforge.model.User;
import dev.labforge.render.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * Shell lines the installers run at their end: give the build user passwordless sudo (Packer's
 * provisioners use it) and its SSH keys. Each key is a single shell word, whatever it contains.
 */
final class Installers {
  private Installers() {}

  /** Lines run as root inside the installed system (each installer chroots into it first). */
  static List<String> userSetup(User user) {
    String name = user.name();
    List<String> lines = new ArrayList<>();
    lines.add("echo " + Escape.sh(user.sudoersLine()) + " > /etc/sudoers.d/" + name);
    lines.add("chmod 0440 /etc/sudoers.d/" + name);
    if (!user.sshAuthorizedKeys().isEmpty()) {
      String home = "/home/" + name;
      lines.add("mkdir -p " + home + "/.ssh");
      StringBuilder keys = new StringBuilder("printf '%s\\n'");
      user.sshAuthorizedKeys().forEach(k -> keys.append(' ').append(Escape.sh(k)));
      lines.add(keys + " > " + home + "/.ssh/authorized_keys");
      lines.add("chmod 0700 " + home + "/.ssh");
      lines.add("chmod 0600 " + home + "/.ssh/authorized_keys");
      lines.add("chown -R " + name + ": " + home + "/.ssh");
    }
    return lines;
  }

  /** The same lines as one shell command, for preseed's single-line late_command. */
  static String oneLine(List<String> lines) {
    return String.join("; ", lines);
  }
}
