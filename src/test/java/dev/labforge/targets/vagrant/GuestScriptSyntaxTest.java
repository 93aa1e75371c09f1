package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every provisioning script the evaluated Vagrantfile hands to the guest parses with bash (what
 * Vagrant runs it with) and with dash (POSIX sh), and the edge spec exercises all five fixed scripts.
 */
class GuestScriptSyntaxTest {
  @TempDir
  Path work;

  @Test
  void everyStepScriptParses() throws Exception {
    RealTools.require("ruby", "bash", "dash");
    RenderedFile file = Specs.render(Path.of("src/test/resources/specs/vagrant-edges.yaml")).stream()
        .filter(f -> f.path().equals("vagrant/Vagrantfile")).findFirst().orElseThrow();
    JsonNode machines = FakeVagrant.machines(FakeVagrant.evaluate(List.of(file.text()), work).get(0));
    Set<String> bodies = new TreeSet<>();
    int n = 0;
    for (JsonNode machine : machines) {
      for (JsonNode p : machine.path("config").path("vm").path("provisioners")) {
        String inline = p.path("opts").path("inline").asText();
        if (!inline.startsWith("set -eu\n")) {
          continue;
        }
        bodies.add(GuestShell.split(inline).body());
        Path script = work.resolve("step" + n++ + ".sh");
        Files.write(script, inline.getBytes(StandardCharsets.UTF_8));
        for (String shell : List.of("bash", "dash")) {
          Tools.Run run = Tools.system().run(work, Map.of(), 30, shell, "-n", script.toString());
          assertThat(run.ok()).as("%s -n %s:\n%s\n%s", shell, p.path("name").asText(), run.output(), inline).isTrue();
        }
      }
    }
    assertThat(bodies).as("timezone, user, disk, file and package scripts").hasSize(5);
  }
}
