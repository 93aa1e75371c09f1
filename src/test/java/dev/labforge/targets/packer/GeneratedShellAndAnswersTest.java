package dev.labforge.targets.packer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the guest will run: every inline shell provisioner, as the script Packer writes from it,
 * parses with dash and bash; the installers' shell parses too; Debian's own debconf accepts every
 * preseed file.
 */
class GeneratedShellAndAnswersTest {
  private final Tools tools = Tools.system();

  private List<String> scripts() throws Exception {
    List<String> scripts = new ArrayList<>();
    for (Path spec : Specs.all()) {
      for (RenderedFile f : Specs.render(spec)) {
        if (f.path().startsWith("packer/") && f.path().contains("/provision/")) {
          scripts.add(f.text());
        } else if (f.path().endsWith(".pkr.hcl")) {
          for (JsonNode shell : Trees.shells(Trees.read(f))) {
            if (shell.has("inline")) {
              scripts.add("#!/bin/sh -e\n" + String.join("\n", Trees.literals(shell.get("inline"))) + "\n");
            }
          }
        } else if (f.path().endsWith("/ks.cfg")) {
          String ks = f.text();
          scripts.add(ks.substring(ks.indexOf("%post --erroronfail\n") + 20, ks.lastIndexOf("%end")));
        } else if (f.path().endsWith("/preseed.cfg")) {
          String line = f.text().lines().filter(l -> l.startsWith("d-i preseed/late_command string "))
              .findFirst().orElseThrow();
          scripts.add(line.substring("d-i preseed/late_command string ".length()) + "\n");
        }
      }
    }
    return scripts;
  }

  @Test
  void everyGeneratedScriptParses(@TempDir Path dir) throws Exception {
    RealTools.require("dash", "bash");
    List<String> scripts = scripts();
    assertThat(scripts).hasSizeGreaterThan(10);
    for (String script : scripts) {
      Path file = dir.resolve("s.sh");
      Files.writeString(file, script);
      for (String shell : List.of("dash", "bash")) {
        Tools.Run run = tools.run(dir, Map.of(), 30, shell, "-n", file.toString());
        assertThat(run.ok()).as(shell + " -n on\n" + script + "\n" + run.output()).isTrue();
      }
    }
  }

  @Test
  void debconfAcceptsEveryPreseed(@TempDir Path dir) throws Exception {
    RealTools.require("debconf-set-selections");
    int preseeds = 0;
    for (Path spec : Specs.all()) {
      for (RenderedFile f : Specs.render(spec)) {
        if (f.path().endsWith("/preseed.cfg")) {
          Path file = dir.resolve("preseed.cfg");
          Files.write(file, f.content());
          Tools.Run run = tools.run(dir, Map.of(), 30, "debconf-set-selections", "--checkonly", file.toString());
          assertThat(run.ok()).as(f.path() + ": " + run.output()).isTrue();
          preseeds++;
        }
      }
    }
    assertThat(preseeds).isPositive();
  }
}
