package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot image may never carry net-tools (Debian's cloud images have none, and with it the proofs
 * would pass where users' guests lose their routes): boot-image.sh refuses it as an extra package at
 * once, before building or reusing anything. Needs only bash, so it is not a boot test.
 */
class BootImageScriptTest {
  @Test
  void netToolsAsAnExtraPackageIsRefused(@TempDir Path cache) throws Exception {
    Command c = Command.run(20, List.of("bash", GuestImage.SCRIPT.toString()),
        Map.of("LABFORGE_BOOT_EXTRA", "vim,net-tools", "LABFORGE_BOOT_CACHE", cache.toString()));
    assertThat(c.exitCode()).as(c.stderr()).isEqualTo(2);
    assertThat(c.stderr()).isEqualTo("boot-image: net-tools must stay out of the image (LABFORGE_BOOT_EXTRA=vim,net-tools)\n");
    try (var left = Files.list(cache)) {
      assertThat(left).as("nothing built or locked").isEmpty();
    }
  }
}
