package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console pattern BootTest waits for, derived from a seed's user-data. */
class FinalMessageTest {
  @Test
  void placeholdersBecomeWildcardsAndTheRestIsLiteral(@TempDir Path dir) throws Exception {
    Path userData = dir.resolve("user-data");
    Files.writeString(userData, "#cloud-config\nfinal_message: \"lab (a.b) is up after $UPTIME s, ${DATASOURCE}\"\n");
    var p = FinalMessage.of(userData);
    assertThat(p.matcher("[ 7.1] cloud-init[9]: lab (a.b) is up after 76.93 s, DataSourceNoCloud [seed=/dev/sr0]").find())
        .isTrue();
    assertThat(p.matcher("lab (axb) is up after 76.93 s, X").find()).as("dot and parentheses are literal").isFalse();
    assertThat(p.matcher("lab (a.b) is up after $UPTIME s, X").find()).as("an unexpanded $UPTIME").isFalse();
  }

  @Test
  void withoutFinalMessageCloudInitsDefaultIsExpected(@TempDir Path dir) throws Exception {
    Path userData = dir.resolve("user-data");
    Files.writeString(userData, "#cloud-config\nusers: []\n");
    assertThat(FinalMessage.of(userData).matcher("cloud-init[418]: Cloud-init v. 22.4.2 finished at Thu, 26 Nov 2026"
        + " 07:19:22 +0000. Datasource DataSourceNoCloud [seed=/dev/sr0][dsmode=net].  Up 97.79 seconds").find()).isTrue();
  }
}
