package dev.labforge.targets.inventory;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code labforge check} on inventory/: ssh, ansible-inventory and Graphviz read their files. */
final class InventoryChecks {
  private InventoryChecks() {}

  private static Path dir(Path labDir) {
    return labDir.resolve(InventoryTarget.ID);
  }

  /** Every Host of ssh_config resolves with {@code ssh -G}. */
  static final class Ssh implements ToolCheck {
    @Override
    public String name() {
      return "ssh -G";
    }

    @Override
    public List<String> requires() {
      return List.of("ssh");
    }

    @Override
    public List<String> run(Path labDir, Tools tools) throws Exception {
      Path config = dir(labDir).resolve("ssh_config");
      if (!Files.exists(config)) {
        return List.of();
      }
      List<String> problems = new ArrayList<>();
      for (String line : Files.readAllLines(config)) {
        if (line.startsWith("Host ")) {
          String host = line.substring(5).strip();
          Tools.Run run = tools.run(dir(labDir), Map.of(), 30, "ssh", "-G", "-F", "ssh_config", host);
          if (!run.ok()) {
            problems.add(config + ": ssh -G " + host + ": " + run.output().strip());
          }
        }
      }
      return problems;
    }
  }

  /** ansible.yml parses with Ansible's yaml inventory plugin, and only with it. */
  static final class AnsibleInventory implements ToolCheck {
    @Override
    public String name() {
      return "ansible-inventory";
    }

    @Override
    public List<String> requires() {
      return List.of("ansible-inventory");
    }

    @Override
    public List<String> run(Path labDir, Tools tools) throws Exception {
      Path file = dir(labDir).resolve("ansible.yml");
      if (!Files.exists(file)) {
        return List.of();
      }
      Path out = Files.createTempFile("labforge-inventory", ".json");
      try {
        Tools.Run run = tools.run(dir(labDir), Map.of("ANSIBLE_INVENTORY_ENABLED", "yaml",
            "ANSIBLE_INVENTORY_UNPARSED_FAILED", "true"), 120,
            "ansible-inventory", "-i", "ansible.yml", "--list", "--output", out.toString());
        return run.ok() ? List.of() : List.of(file + ": " + run.output().strip());
      } finally {
        Files.deleteIfExists(out);
      }
    }
  }

  /** Graphviz lays out topology.dot. */
  static final class Dot implements ToolCheck {
    @Override
    public String name() {
      return "dot -Tsvg";
    }

    @Override
    public List<String> requires() {
      return List.of("dot");
    }

    @Override
    public List<String> run(Path labDir, Tools tools) throws Exception {
      Path file = dir(labDir).resolve("topology.dot");
      if (!Files.exists(file)) {
        return List.of();
      }
      Tools.Run run = tools.run(dir(labDir), Map.of(), 120, "dot", "-Tsvg", "topology.dot", "-o", "/dev/null");
      return run.ok() ? List.of() : List.of(file + ": " + run.output().strip());
    }
  }
}
