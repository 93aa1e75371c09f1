package dev.labforge.targets.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cloud-init's own readers over every seed, in one Python process per lab: the strict schema,
 * NoCloud's pathprefix2dict and read_seeded, ConfigDriveReader.read_v2, parse_net_config_data and
 * convert_net_json. Also checks that the seed and the drive tell the same story.
 */
public final class CloudInitReadersCheck implements ToolCheck {
  @Override
  public String name() {
    return "cloud-init readers";
  }

  @Override
  public List<String> requires() {
    return List.of(SeedCheckScript.PYTHON, "cloud-init");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    if (SeedFolders.of(labDir).isEmpty()) {
      return List.of();
    }
    String missing = SeedCheckScript.moduleProblem(tools);
    if (missing != null) {
      return List.of(missing);
    }
    return problems(SeedCheckScript.run(tools, 600, "lab", labDir.toString()));
  }

  /** Every problem cloud-init raised, plus any disagreement between a machine's two seeds. */
  public static List<String> problems(JsonNode report) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) report::fields) {
      String machine = "cloud-init/" + e.getKey();
      JsonNode r = e.getValue();
      r.path("problems").forEach(p -> problems.add(machine + ": " + p.asText()));
      JsonNode f = r.path("facts");
      same(problems, machine, "hostname", f, "hostname", "local-hostname", "drive-hostname", "drive-name");
      same(problems, machine, "interfaces", f, "network-config", "network_data");
      same(problems, machine, "routes", f, "network-config-routes", "network_data-routes");
      same(problems, machine, "ifupdown up commands", f, "network-config-up", "network_data-up");
      if (!f.path("drive-userdata-identical").asBoolean(false)) {
        problems.add(machine + ": config drive user_data is not byte-identical to the NoCloud user-data");
      }
    }
    return problems;
  }

  private static void same(List<String> problems, String machine, String what, JsonNode facts, String... keys) {
    JsonNode first = facts.get(keys[0]);
    for (String key : keys) {
      JsonNode value = facts.get(key);
      if (value == null || !value.equals(first)) {
        problems.add(machine + ": " + what + " differ: " + keys[0] + "=" + first + ", " + key + "=" + value);
      }
    }
  }
}
