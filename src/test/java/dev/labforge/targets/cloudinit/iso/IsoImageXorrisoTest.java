package dev.labforge.targets.cloudinit.iso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real readers on images the seeds never need but a writer must get right: 8.3 clashes, long and
 * non-ASCII names, a directory spanning several sectors, multi-sector and empty files.
 */
class IsoImageXorrisoTest {
  @Test
  void xorrisoAndBlkidReadAnAwkwardTreeExactly() throws Exception {
    RealTools.require("xorriso", "blkid");
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < 70; i++) {
      files.put("many/file-with-a-rather-long-name-" + i + ".txt", ("file " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    files.put("network-config", "a".getBytes(StandardCharsets.UTF_8));
    files.put("network-config2", "b".getBytes(StandardCharsets.UTF_8));
    files.put("NETWORK_", "c".getBytes(StandardCharsets.UTF_8));
    files.put("é✓ unicode name", "d".getBytes(StandardCharsets.UTF_8));
    files.put("x".repeat(100), "long".getBytes(StandardCharsets.UTF_8));
    files.put("empty", new byte[0]);
    byte[] big = new byte[5 * 2048 + 7];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    files.put("deep/a/b/c/big.bin", big);
    Path dir = Files.createTempDirectory("labforge-iso-test");
    Path iso = dir.resolve("t.iso");
    Files.write(iso, IsoImage.build("cidata", files));

    Tools tools = Tools.system();
    Path out = dir.resolve("x");
    Tools.Run run = tools.run(dir, Map.of(), 60, "xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", out.toString());
    assertThat(run.ok()).as(run.output()).isTrue();
    TreeMap<String, byte[]> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        found.put(out.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    assertThat(found.keySet()).isEqualTo(files.keySet());
    files.forEach((k, v) -> assertThat(found.get(k)).as(k).isEqualTo(v));
    Tools.Run label = tools.run(dir, Map.of(), 30, "blkid", "-o", "value", "-s", "LABEL", iso.toString());
    assertThat(label.output().strip()).isEqualTo("cidata");
  }
}
