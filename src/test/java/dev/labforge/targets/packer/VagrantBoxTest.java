package dev.labforge.targets.packer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The box's key is Vagrant's own insecure public key, as the installed Vagrant ships it. */
class VagrantBoxTest {
  static final Path KEY = Path.of("/usr/share/rubygems-integration/all/gems/vagrant-2.3.4/keys/vagrant.pub");

  @Test
  void theInsecureKeyIsVagrantsOwn() throws Exception {
    if (!Files.isRegularFile(KEY)) {
      RealTools.require("vagrant 2.3.4 (Debian package, keys/vagrant.pub)");
    }
    assertThat(VagrantBox.INSECURE_KEY).isEqualTo(Files.readString(KEY).strip());
    assertThat(VagrantBox.script()).anyMatch(line -> line.contains(VagrantBox.INSECURE_KEY));
  }
}
