package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names are unique: networks, machines after count expansion, and per machine its parts. */
final class UniqueNamesRule implements Rule {

  @Override
  public void check(JsonNode spec, Reporter report) {
    unique(spec.get("networks"), "/networks", "name", "network", report);
    Map<String, String> machines = new HashMap<>();
    int[] total = {0};
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      if (Nodes.text(machine, "name") == null) {
        return;
      }
      List<String> names = Expansion.names(machine);
      if (total[0] <= Expansion.MAX_MACHINES && total[0] + names.size() > Expansion.MAX_MACHINES) {
        report.at(at + (Expansion.counted(machine) ? "/count" : "/name"), "this entry takes the lab to "
            + (total[0] + names.size()) + " machines; a lab has at most " + Expansion.MAX_MACHINES);
      }
      total[0] += names.size();
      for (String name : names) {
        String first = machines.putIfAbsent(name, at);
        if (first != null) {
          report.at(at + "/name", "machine name '" + name + "' is already used by " + first
              + (Expansion.counted(machine) ? " (after count expansion)" : ""));
        }
      }
      unique(machine.get("disks"), at + "/disks", "name", "disk", report);
      unique(machine.get("disks"), at + "/disks", "mount", "mount point", report);
      unique(machine.get("users"), at + "/users", "name", "user", report);
      unique(machine.get("files"), at + "/files", "path", "file path", report);
      unique(machine.get("scripts"), at + "/scripts", "name", "script", report);
    });
    unique(spec.path("defaults").get("users"), "/defaults/users", "name", "user", report);
    spec.path("images").fields().forEachRemaining(image -> {
      unique(image.getValue().get("files"), "/images/" + image.getKey() + "/files", "path", "file path", report);
      unique(image.getValue().get("scripts"), "/images/" + image.getKey() + "/scripts", "name", "script", report);
    });
  }

  private static void unique(JsonNode list, String pointer, String field, String what, Reporter report) {
    Map<String, String> seen = new HashMap<>();
    Nodes.eachItem(list, pointer, (item, at) -> {
      String value = Nodes.text(item, field);
      if (value == null) {
        return;
      }
      String first = seen.putIfAbsent(value, at);
      if (first != null) {
        report.at(at + "/" + field, what + " '" + value + "' is already used by " + first);
      }
    });
  }
}
