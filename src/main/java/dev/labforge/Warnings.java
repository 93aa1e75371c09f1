package dev.labforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.User;
import dev.labforge.model.Warning;
import dev.labforge.rules.RouteWarnings;
import dev.labforge.spec.Diagnostics;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.Reporter;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid spec that will not work as meant: nobody can log in to a machine, a route leaves the lab
 * through the host's gateway, or a target that gen renders says so about its files. Located like errors, but they never change the exit code.
 */
final class Warnings {
  private Warnings() {}

  static Diagnostics of(LocatedTree tree, Lab lab) {
    Diagnostics warnings = new Diagnostics(tree.source());
    Reporter report = new Reporter(tree, warnings);
    JsonNode entries = tree.root().path("machines");
    Map<String, Machine> byName = new HashMap<>();
    lab.machines().forEach(m -> byName.put(m.name(), m));
    List<String> inheriting = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      Machine first = byName.get(Expansion.names(entry).get(0));
      if (first == null || first.users().stream().anyMatch(Warnings::canLogIn)) {
        continue;
      }
      String name = entry.path("name").asText();
      if (entry.has("users") && !first.users().isEmpty()) {
        report.warnAtKey("/machines/" + i + "/users",
            "no user of machine '" + name + "' has an SSH key or a password: nobody can log in");
      } else if (entry.has("users")) {
        report.warnAtKey("/machines/" + i + "/users", "machine '" + name + "' has an empty user list:"
            + " the image's default user gets no SSH key or password, so nobody can log in");
      } else if (first.users().isEmpty()) {
        report.warnAtKey("/machines/" + i, "machine '" + name + "' has no users (none here, none in defaults):"
            + " the image's default user gets no SSH key or password, so nobody can log in");
      } else {
        inheriting.add("'" + name + "'");
      }
    }
    if (!inheriting.isEmpty()) {
      report.warnAtKey("/defaults/users", "no user here has an SSH key or a password: nobody can log in to "
          + (inheriting.size() == 1 ? "machine " : "machines ") + String.join(", ", inheriting));
    }
    RouteWarnings.check(tree.root(), report);
    // The targets gen renders (the enabled ones and what they require); the same warning from two
    // of them (every target that writes a machine's /etc/hosts) is printed once.
    Set<Warning> fromTargets = new LinkedHashSet<>();
    for (Target target : Targets.withRequired(Targets.ids().stream().filter(id -> lab.targets().enabled(id)).toList())) {
      fromTargets.addAll(target.warnings(lab));
    }
    fromTargets.forEach(w -> report.warnAtKey(w.pointer(), w.message()));
    return warnings;
  }

  private static boolean canLogIn(User u) {
    return u.hasPassword() || !u.sshAuthorizedKeys().isEmpty();
  }
}
