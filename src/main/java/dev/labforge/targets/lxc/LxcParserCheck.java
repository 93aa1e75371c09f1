package dev.labforge.targets.lxc;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * LXC's own parser on every lxc/&lt;machine&gt;/config: {@code lxc-create -t none -f CONFIG} with a
 * private LXC path, which parses the file and creates nothing but that folder (deleted after). LXC
 * 5.0 names each key it refuses ("Unsupported config key") and may still exit 0, so its output is
 * read, not its exit code. The one complaint expected is that the container's root file system
 * does not exist yet (lab.sh up makes it): every other line is a problem.
 */
public final class LxcParserCheck implements ToolCheck {
  static final String TOOL = "lxc-create";

  @Override
  public String name() {
    return "lxc-create -t none (LXC's config parser)";
  }

  @Override
  public List<String> requires() {
    return List.of(TOOL);
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path dir = labDir.resolve("lxc");
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    List<Path> configs;
    try (Stream<Path> s = Files.list(dir)) {
      configs = s.map(p -> p.resolve("config")).filter(Files::isRegularFile).sorted().toList();
    }
    Path scratch = Files.createTempDirectory("labforge-lxc-");
    try {
      for (Path config : configs) {
        String machine = config.getParent().getFileName().toString();
        Tools.Run run = tools.run(scratch, Map.of(), 60, TOOL, "-P", scratch.toString(), "-n", machine,
            "-t", "none", "-f", config.toAbsolutePath().toString());
        List<String> refused = refusals(run.output());
        if (!refused.isEmpty()) {
          problems.add("lxc/" + machine + "/config: refused by LXC's parser:\n" + String.join("\n", refused));
        }
      }
    } finally {
      Tools.deleteTree(scratch);
    }
    return problems;
  }

  /** The lines of lxc-create's output that are not about the root file system lab.sh makes later. */
  static List<String> refusals(String output) {
    return output.lines().map(String::strip).filter(l -> !l.isEmpty())
        .filter(l -> !(l.contains("The rootfs \"") && l.endsWith("\" does not exist")))
        .filter(l -> !l.contains("Failed to create container"))
        .toList();
  }
}
