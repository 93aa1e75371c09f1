package dev.labforge.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.Escape;
import dev.labforge.testing.NastyStrings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Any string without a NUL survives Escape.xl byte for byte: through the Java reader, and through
 * Xen's own parser (libxlutil via xlcfg.py, batched: one file and one process per try). A path
 * after {@code target=} in a disk spec survives xlu_disk_parse too, unless it holds a line break
 * (the disk lexer's {@code target=.*} stops there) or ends with a comma (stripped); the Xen
 * target refuses such folders in the spec.
 */
class XlStringsPropertyTest {
  @Provide
  Arbitrary<String> nasty() {
    return NastyStrings.anyWithRandomText();
  }

  @Provide
  Arbitrary<String> path() {
    return NastyStrings.anyWithRandomText().map(s -> "/" + s.replace("\n", "").replace("\u0000", "") + "/root.qcow2");
  }

  @Property(tries = 500)
  void javaReaderReadsEveryEscapedStringBack(@ForAll("nasty") String s) throws Exception {
    XlConfig cfg = XlCfgReader.parse("p.cfg", "k = " + Escape.xl(s) + "\nl = [ " + Escape.xl(s) + ", ]\n");
    assertThat(cfg.get("k")).contains(new XlConfig.Text(s, false));
    assertThat(cfg.get("l")).contains(new XlConfig.Items(List.of(new XlConfig.Text(s, false))));
  }

  @Property(tries = 6)
  void xenReadsEveryEscapedStringAndDiskPathBack(@ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("nasty") String> strings,
      @ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("path") String> paths) throws Exception {
    XenParser.require();
    Path dir = Files.createTempDirectory("labforge-xl-prop");
    StringBuilder cfg = new StringBuilder("# strings\n");
    for (int i = 0; i < strings.size(); i++) {
      cfg.append("s").append(i).append(" = ").append(Escape.xl(strings.get(i))).append('\n');
    }
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      specs.add("format=qcow2, vdev=xvd" + (char) ('a' + i) + ", access=rw, target=" + paths.get(i));
    }
    cfg.append("disk = [\n");
    specs.forEach(spec -> cfg.append("    ").append(Escape.xl(spec)).append(",\n"));
    cfg.append("]\n");
    Files.writeString(dir.resolve("p.cfg"), cfg, StandardCharsets.UTF_8);
    JsonNode report = XenParser.read(dir, List.of("p.cfg")).get(0);
    assertThat(report.path("rc").asInt()).as(report.path("messages").asText()).isZero();
    for (int i = 0; i < strings.size(); i++) {
      assertThat(report.path("values").path("s" + i).asText()).isEqualTo(strings.get(i));
    }
    for (int i = 0; i < paths.size(); i++) {
      JsonNode disk = report.path("disks").get(i);
      assertThat(disk.path("rc").asInt()).as(disk.path("messages").asText()).isZero();
      assertThat(disk.path("spec").asText()).isEqualTo(specs.get(i));
      assertThat(disk.path("target").asText()).isEqualTo(paths.get(i));
      assertThat(disk.path("format").asText()).isEqualTo("qcow2");
    }
  }
}
