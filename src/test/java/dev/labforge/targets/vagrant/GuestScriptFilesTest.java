package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Vagrantfile's fixed guest scripts, as the files they are kept in: POSIX sh (dash), bash and
 * shellcheck accept each. Their inputs are variables labforge_step sets first (SC2154 is off).
 */
class GuestScriptFilesTest {
  static final Path DIR = Path.of("src/main/resources").resolve(GuestScripts.DIR);

  @Test
  void everyGuestScriptParsesAndPassesShellcheck() throws Exception {
    RealTools.require("dash", "bash", "shellcheck");
    Tools tools = Tools.system();
    for (String name : GuestScripts.NAMES) {
      Path file = DIR.resolve(name + ".sh").toAbsolutePath();
      assertThat(file).isRegularFile();
      for (List<String> command : List.of(List.of("dash", "-n"), List.of("bash", "-n"),
          List.of("shellcheck", "--shell=sh", "--exclude=SC2154"))) {
        String[] argv = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(file.toString()))
            .toArray(String[]::new);
        Tools.Run run = tools.run(file.getParent(), Map.of(), 60, argv);
        assertThat(run.ok()).as("%s on %s:\n%s", command, name, run.output()).isTrue();
      }
    }
    for (java.lang.reflect.RecordComponent script : GuestScripts.Lines.class.getRecordComponents()) {
      assertThat((List<?>) script.getAccessor().invoke(GuestScripts.LINES)).as(script.getName()).isNotEmpty();
    }
  }

  /** The sudo rule is the model's (User.SUDO_RULE, as cloud-init writes it), passed in; no script spells its own. */
  @Test
  void noGuestScriptSpellsTheSudoRule() throws Exception {
    for (java.lang.reflect.RecordComponent script : GuestScripts.Lines.class.getRecordComponents()) {
      List<?> lines = (List<?>) script.getAccessor().invoke(GuestScripts.LINES);
      assertThat(lines).as(script.getName() + ".sh").isNotEmpty()
          .noneMatch(l -> l.toString().contains(dev.labforge.model.User.SUDO_RULE) || l.toString().contains("NOPASSWD"));
    }
  }
}
