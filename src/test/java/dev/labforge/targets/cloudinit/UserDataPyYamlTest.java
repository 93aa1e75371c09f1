package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import dev.labforge.targets.cloudinit.SeedCheckScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round trip of {@link UserDataRoundTripPropertiesTest}, but read by the YAML library cloud-init
 * itself uses (PyYAML, through /usr/bin/python3): a fixed, seeded batch in one Python process.
 */
class UserDataPyYamlTest {
  static final int SAMPLES = 60;

  @Test
  void pyyamlReadsBackExactlyWhatWasGiven() throws Exception {
    RealTools.require(SeedCheckScript.PYTHON, "cloud-init");
    Random random = new Random(20261126L);
    Path dir = Files.createTempDirectory("labforge-pyyaml");
    List<Lab> labs = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("yaml"));
    for (int i = 0; i < SAMPLES; i++) {
      List<String> contents = new ArrayList<>();
      List<String> commands = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        contents.add(TrickyText.sample(random));
        commands.add("x" + TrickyText.sample(random));
      }
      Lab lab = SeedMachines.lab(contents, commands);
      labs.add(lab);
      Path file = dir.resolve("user-data-" + i);
      Files.write(file, SeedMachines.userData(SeedMachines.render(lab)).content());
      args.add(file.toString());
    }
    JsonNode parsed = SeedCheckScript.run(Tools.system(), 300, args.toArray(String[]::new));
    assertThat(parsed.size()).isEqualTo(SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      Lab lab = labs.get(i);
      JsonNode doc = parsed.get(i);
      assertThat(UserDataRoundTripPropertiesTest.writtenContents(doc)).as("sample " + i)
          .isEqualTo(UserDataRoundTripPropertiesTest.expectedContents(lab));
      List<String> run = new ArrayList<>();
      doc.path("runcmd").forEach(c -> {
        if (c.isTextual()) {
          run.add(c.asText());
        }
      });
      assertThat(run).as("sample " + i)
          .isEqualTo(UserDataRoundTripPropertiesTest.withMarkers(lab.machines().get(0)));
    }
  }
}
