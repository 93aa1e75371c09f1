package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import dev.labforge.spec.Suggest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.SshKeys;
import java.time.ZoneId;

/** SSH keys decode to what they claim, a password is given one way only, time zones exist. */
final class UsersRule implements Rule {

  @Override
  public void check(JsonNode spec, Reporter report) {
    users(spec.path("defaults").get("users"), "/defaults/users", report);
    timezone(spec.get("defaults"), "/defaults", report);
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      users(machine.get("users"), at + "/users", report);
      timezone(machine, at, report);
    });
  }

  private static void users(JsonNode list, String pointer, Reporter report) {
    Nodes.eachItem(list, pointer, (user, at) -> {
      Nodes.eachItem(user.get("ssh_authorized_keys"), at + "/ssh_authorized_keys", (key, keyAt) -> {
        if (key.isTextual()) {
          SshKeys.problem(key.asText()).ifPresent(problem -> report.at(keyAt, problem));
        }
      });
      if (user.has("password") && user.has("password_hash")) {
        report.at(at + "/password_hash", "give either password or password_hash, not both");
      }
    });
  }

  private static void timezone(JsonNode node, String at, Reporter report) {
    String zone = Nodes.text(node, "timezone");
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      report.at(at + "/timezone", "unknown time zone '" + zone + "'"
          + Suggest.didYouMean(zone, ZoneId.getAvailableZoneIds()));
    }
  }
}
