package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every machine's user-data writes an /etc/hosts that names every lab machine at a fixed address,
 * with cloud-init told to leave that file alone (so a reboot keeps it).
 */
class EtcHostsTest {
  @TestFactory
  Stream<DynamicTest> everyMachineKnowsEveryOtherMachineByName() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      Lab lab = Specs.lab(spec);
      List<RenderedFile> files = Specs.render(spec);
      for (Machine viewer : lab.machines()) {
        RenderedFile userData = files.stream()
            .filter(f -> f.path().equals("cloud-init/" + viewer.name() + "/user-data")).findFirst().orElseThrow();
        JsonNode doc = new YAMLMapper().readTree(userData.content());
        JsonNode hosts = null;
        for (JsonNode f : doc.path("write_files")) {
          if (f.path("path").asText().equals("/etc/hosts")) {
            hosts = f;
          }
        }
        if (viewer.files().stream().anyMatch(f -> f.path().equals("/etc/hosts"))) {
          assertThat(doc.path("manage_etc_hosts").asBoolean()).isTrue();
          continue;
        }
        assertThat(hosts).as("%s writes /etc/hosts", viewer.name()).isNotNull();
        assertThat(doc.path("manage_etc_hosts").asBoolean()).isFalse();
        assertThat(hosts.path("defer").asBoolean()).isFalse();
        List<String> lines = hosts.path("content").asText().lines().toList();
        for (Machine m : lab.machines()) {
          for (Nic n : m.nics()) {
            if (n.dhcp()) {
              continue;
            }
            assertThat(lines).as("%s sees %s on %s", viewer.name(), m.name(), n.network())
                .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith(n.ip()).contains(m.name() + "-" + n.network()));
          }
          if (m.nics().stream().anyMatch(n -> !n.dhcp())) {
            assertThat(lines).as("%s knows %s by its short name", viewer.name(), m.name())
                .anySatisfy(l -> assertThat(l.split("\\s+")).contains(m.name(), m.fqdn()));
          }
        }
      }
    }));
  }
}
