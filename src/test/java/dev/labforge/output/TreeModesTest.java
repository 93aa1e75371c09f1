package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under umask 022, gen writes folders 0755 and files 0644 (the lab folder too), so libvirt's
 * qemu user can read the seed ISOs; and no file holds a spec password in clear.
 */
class TreeModesTest {
  @TempDir
  Path tmp;

  @Test
  void genUnderUmask022WritesNormalModesAndOnlyHashes() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = tmp.resolve("out");
    // A real labforge process: umask is per process and cannot be set inside this JVM.
    Process p = new ProcessBuilder("sh", "-c", "umask 022 && exec \"$0\" -cp \"$1\" dev.labforge.cli.Main gen -q -o \"$2\"",
        java, System.getProperty("java.class.path"), out.toString()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(said).isZero();
    Path lab = out.resolve("lpic3-353");
    List<Path> all;
    try (Stream<Path> walk = Files.walk(lab)) {
      all = walk.toList();
    }
    assertThat(all).hasSizeGreaterThan(40);
    for (Path path : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
      assertThat(mode).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--");
      if (Files.isRegularFile(path)) {
        assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)).as(path.toString())
            .doesNotContain("change-me");
      }
    }
  }
}
