package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The render-time {@code ruby -c}: it reports broken Ruby and steps aside when ruby is absent. */
class RubySyntaxTest {

  @Test
  void reportsBrokenRuby() throws Exception {
    RealTools.require("ruby");
    assertThat(RubySyntax.problemIn(Tools.system(), "Vagrant.configure(\"2\") do |config|\n")).isPresent();
    assertThat(RubySyntax.problemIn(Tools.system(), "x = 'it\\'s fine'\n")).isEmpty();
  }

  @Test
  void skipsWithoutRuby() throws Exception {
    Tools noRuby = new Tools(Map.of("PATH", "/nonexistent"));
    assertThat(RubySyntax.problemIn(noRuby, "this is not ruby (")).isEmpty();
  }
}
