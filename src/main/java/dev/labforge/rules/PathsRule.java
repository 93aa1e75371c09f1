package dev.labforge.rules;

import dev.labforge.spec.Reporter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.Expansion;
import dev.labforge.spec.SpecFiles;

/**
 * Nothing in a spec can steer output outside {@code out/<lab>/} or read outside the spec's folder:
 * names stay plain path segments after expansion, scripts resolve inside the spec folder, and
 * guest file paths are absolute and normalized.
 */
final class PathsRule implements Rule {
  private static final String NAME = "[a-z][a-z0-9-]{0,62}";

  @Override
  public void check(JsonNode spec, Reporter report) {
    spec.path("images").fields().forEachRemaining(image ->
        checkFilesAndScripts(image.getValue(), "/images/" + image.getKey(), report));
    Nodes.eachItem(spec.get("machines"), "/machines", (machine, at) -> {
      if (Nodes.text(machine, "name") != null && Nodes.text(machine, "name").matches(NAME)) {
        for (String name : Expansion.names(machine)) {
          if (!name.matches(NAME)) {
            report.at(at + "/name", "expanded name '" + name + "' is longer than 63 characters");
            break;
          }
        }
      }
      checkFilesAndScripts(machine, at, report);
    });
  }

  /** Machines and images both carry guest files and scripts. */
  private static void checkFilesAndScripts(JsonNode owner, String at, Reporter report) {
    Nodes.eachItem(owner.get("files"), at + "/files", (file, fileAt) -> {
      String path = Nodes.text(file, "path");
      if (path != null && path.startsWith("/") && !normalized(path)) {
        report.at(fileAt + "/path", "'" + path + "' must be a normalized absolute path (no '.', '..' or '//')");
      }
    });
    Nodes.eachItem(owner.get("scripts"), at + "/scripts", (script, scriptAt) -> {
      String path = Nodes.text(script, "path");
      if (path != null) {
        SpecFiles.Result read = SpecFiles.read(report.tree().source(), path);
        if (read.problem() != null) {
          report.at(scriptAt + "/path", read.problem());
        }
      }
    });
  }

  private static boolean normalized(String path) {
    if (path.equals("/") || path.endsWith("/") || path.contains("\u0000")) {
      return false;
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
