package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Targets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beyond ConventionTest: the five schemas by name, their declaration and the target's docs page. */
class CloudInitConventionTest {
  static final List<String> SCHEMAS = List.of("user-data", "meta-data", "network-config", "meta_data", "network_data");

  @Test
  void everyPieceOfTheTargetExists() throws Exception {
    assertThat(Targets.byId(CloudInitTarget.ID)).containsInstanceOf(CloudInitTarget.class);
    for (String t : List.of("user-data", "meta-data", "network-config")) {
      assertThat(Path.of("templates/cloud-init/" + t + ".ftl")).isRegularFile();
    }
    for (String s : SCHEMAS) {
      assertThat(Path.of(CloudInitTarget.schema(s))).isRegularFile();
      assertThat(new CloudInitTarget().schemas()).contains("cloud-init/" + s);
    }
    assertThat(Path.of("docs/targets/cloud-init.md")).isRegularFile();
    assertThat(Path.of("src/test/resources/golden/lpic3-353/cloud-init")).isDirectory();
  }
}
