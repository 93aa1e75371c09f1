package dev.labforge.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.RenderedFile;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A launcher reads back as bash reads its array, and its schema refuses what would make the lab
 * leak or break: a group outside the organization-local scope, a segment off the loopback, a
 * missing guest agent port.
 */
class LauncherFormatTest {
  static String launcher(String machine) {
    List<RenderedFile> files = Specs.render(Path.of("examples/router.yaml"));
    return files.stream().filter(f -> f.path().equals("qemu/" + machine + ".sh")).findFirst().orElseThrow().text();
  }

  @Test
  void readsTheArrayAsBashDoes() {
    JsonNode tree = LauncherFormat.parse(launcher("router"));
    assertThat(tree.path("program").asText()).isEqualTo("qemu-system-x86_64");
    assertThat(tree.path("boot").asText()).isEqualTo("${BOOT[@]}");
    JsonNode o = tree.path("options");
    assertThat(o.path("-accel").get(0).asText()).isEqualTo("$ACCEL");
    assertThat(o.path("-m").get(0).asText()).isEqualTo("512M");
    assertThat(o.path("-nodefaults").get(0).asText()).isEmpty();
    assertThat(o.path("-netdev")).hasSize(4);
    assertThat(o.path("-netdev").get(3).asText()).startsWith("user,id=mgmt,net=10.0.2.0/24,hostfwd=tcp:127.0.0.1:");
    assertThat(SchemaValidator.validate(QemuTarget.LAUNCHER_SCHEMA, tree)).isEmpty();
  }

  @Test
  void quotesAndCommentsAreBashs() {
    assertThat(LauncherFormat.words("  -name 'a'\\''b'\"c\"d  # not 'a word'", 1)).containsExactly("-name", "a'bcd");
    assertThatThrownBy(() -> LauncherFormat.words("  -m '512M  # open", 7))
        .hasMessage("line 7: unclosed '");
    assertThatThrownBy(() -> LauncherFormat.words("  -m $(echo 512M)", 3))
        .hasMessage("line 3: '$' outside quotes");
  }

  @Test
  void theSchemaRefusesALeakingOrIncompleteLauncher() {
    String good = launcher("client1");
    assertThat(problems(good)).isEmpty();
    // a group on the LAN's interface, not the loopback
    assertThat(problems(good.replaceFirst(",localaddr=127\\.0\\.0\\.1'", "'"))).isNotEmpty();
    // a globally scoped group
    assertThat(problems(good.replaceFirst("mcast=239\\.19[2-5]\\.", "mcast=230.77."))).isNotEmpty();
    // SSH forwarded from every interface of the host
    assertThat(problems(good.replace("hostfwd=tcp:127.0.0.1:", "hostfwd=tcp::"))).isNotEmpty();
    // no guest agent port
    assertThat(problems(good.replaceFirst("(?m)^  -device 'virtserialport.*\\n", ""))).isNotEmpty();
    // an option labforge does not write
    assertThat(problems(good.replace("  -nodefaults", "  -snapshot"))).isNotEmpty();
  }

  private static List<SchemaValidator.Problem> problems(String text) {
    return SchemaValidator.validate(QemuTarget.LAUNCHER_SCHEMA, LauncherFormat.parse(text));
  }
}
