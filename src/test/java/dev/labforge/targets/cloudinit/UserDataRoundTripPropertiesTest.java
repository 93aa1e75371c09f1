package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.output.OutputValidation;
import dev.labforge.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Arbitraries;

/** Any file content and any command comes back out of user-data exactly, and passes the schemas. */
class UserDataRoundTripPropertiesTest {

  @Property(tries = 400)
  void contentsAndCommandsSurviveExactly(@ForAll("texts") List<String> contents, @ForAll("commands") List<String> commands)
      throws Exception {
    Lab lab = SeedMachines.lab(contents, commands);
    List<RenderedFile> files = SeedMachines.render(lab);
    OutputValidation.check(files);
    RenderedFile userData = SeedMachines.userData(files);
    JsonNode parsed = userData.format().parse(userData);
    assertThat(writtenContents(parsed)).isEqualTo(expectedContents(lab));
    List<String> run = new ArrayList<>();
    parsed.path("runcmd").forEach(c -> {
      if (c.isTextual()) {
        run.add(c.asText());
      }
    });
    assertThat(lab.machines().get(0).commands()).isEqualTo(commands);
    assertThat(run).isEqualTo(withMarkers(lab.machines().get(0)));
    byte[] drive = files.stream().filter(f -> f.path().endsWith("/user_data")).findFirst().orElseThrow().content();
    assertThat(drive).isEqualTo(userData.content());
  }

  @Property(tries = 50)
  void renderingIsDeterministic(@ForAll("texts") List<String> contents, @ForAll("commands") List<String> commands)
      throws Exception {
    List<RenderedFile> a = SeedMachines.render(SeedMachines.lab(contents, commands));
    List<RenderedFile> b = SeedMachines.render(SeedMachines.lab(contents, commands));
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).content()).as(a.get(i).path()).isEqualTo(b.get(i).content());
    }
  }

  static List<String> expectedContents(Lab lab) {
    List<String> out = new ArrayList<>();
    lab.machines().get(0).files().forEach(f -> out.add(f.content()));
    lab.machines().get(0).scripts().forEach(s -> out.add(s.content()));
    return out;
  }

  /**
   * What cloud-init writes for each of the spec's entries: the content, base64-decoded when encoding
   * says b64. labforge's own root files (/etc/hosts and the checks': the entries that are not
   * deferred) are not the spec's.
   */
  static List<String> writtenContents(JsonNode userData) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : userData.path("write_files")) {
      if (!f.path("defer").asBoolean(true)) {
        continue;
      }
      String content = f.path("content").asText();
      out.add("b64".equals(f.path("encoding").asText())
          ? new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8) : content);
    }
    return out;
  }

  /**
   * runcmd's strings: each command, then the line that keeps its exit status for the checks, then
   * that line of each script (a script itself is an argument list).
   */
  static List<String> withMarkers(dev.labforge.model.Machine m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.commands().size(); i++) {
      out.add(m.commands().get(i));
      out.add("echo $? > /var/lib/labforge/ran/command-" + (i + 1));
    }
    for (int i = 0; i < m.scripts().size(); i++) {
      out.add("echo $? > /var/lib/labforge/ran/script-" + (i + 1));
    }
    return out;
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return TrickyText.any().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> commands() {
    return TrickyText.any().filter(s -> !s.isEmpty()).list().ofMaxSize(4);
  }
}
