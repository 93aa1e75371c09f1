package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Vagrantfiles with real Ruby against {@code src/test/resources/vagrant/fake_vagrant.rb},
 * a recording stand-in for Vagrant, and returns what each told {@code Vagrant.configure}. All files
 * go through one ruby process (it forks per file) so property tests stay fast.
 */
final class FakeVagrant {
  static final Path SCRIPT = Path.of("src/test/resources/vagrant/fake_vagrant.rb").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeVagrant() {}

  static List<JsonNode> evaluate(List<String> vagrantfiles, Path workDir) throws IOException, InterruptedException {
    return evaluate(vagrantfiles, workDir, Map.of());
  }

  /** The same, with {@code env} added to ruby's environment (e.g. LABFORGE_LIBVIRT_DRIVER). */
  static List<JsonNode> evaluate(List<String> vagrantfiles, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("ruby", SCRIPT.toString()));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < vagrantfiles.size(); i++) {
      Path dir = Files.createDirectories(workDir.resolve("vf" + i));
      Path file = dir.resolve("Vagrantfile");
      Files.write(file, vagrantfiles.get(i).getBytes(StandardCharsets.UTF_8));
      files.add(file);
      argv.add(file.toString());
    }
    Tools.Run run = Tools.system().run(workDir, env, 300, argv.toArray(String[]::new));
    assertThat(run.ok()).as("fake Vagrant run:\n%s", run.output()).isTrue();
    List<JsonNode> results = new ArrayList<>();
    for (Path file : files) {
      results.add(JSON.readTree(Files.readAllBytes(Path.of(file + ".json"))));
    }
    return results;
  }

  /** The machines of the single {@code Vagrant.configure} call, in definition order. */
  static JsonNode machines(JsonNode evaluated) {
    assertThat(evaluated.path("configures")).as("Vagrant.configure calls").hasSize(1);
    return evaluated.path("configures").get(0).path("config").path("vm").path("machines");
  }

  /** {@code config.vm} of the whole file (synced folders live there). */
  static JsonNode rootVm(JsonNode evaluated) {
    return evaluated.path("configures").get(0).path("config").path("vm");
  }

  static JsonNode provider(JsonNode machine, String name) {
    for (JsonNode p : machine.path("config").path("vm").path("providers")) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
