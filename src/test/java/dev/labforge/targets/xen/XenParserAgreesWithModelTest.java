package dev.labforge.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated xen/*.cfg of every spec, read by Xen's own parser (libxlutil, via xlcfg.py):
 * accepted, exactly the keys labforge writes, each value equal to what the model says, every disk
 * through xlu_disk_parse with the model's path, vdev, format and access, every vif with the
 * model's MAC on its network's bridge. The expectations are spelled out here from the model, not
 * taken from XenViews. Tool-gated: in CI (CI=true) a missing libxlutil fails instead of skipping.
 */
class XenParserAgreesWithModelTest {
  @TempDir
  Path tmp;

  @BeforeEach
  void tools() {
    XenParser.require();
  }

  static List<Path> specs() {
    return Specs.all();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void xenReadsWhatTheModelSays(Path spec) throws Exception {
    Lab lab = Specs.lab(spec);
    XenSettings settings = XenSettings.of(lab);
    List<String> files = new ArrayList<>();
    for (RenderedFile f : Specs.render(spec)) {
      if (f.path().startsWith("xen/") && f.path().endsWith(".cfg")) {
        Path p = tmp.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
        files.add(f.path().substring("xen/".length()));
      }
    }
    assertThat(files).hasSize(lab.machines().size());
    JsonNode reports = XenParser.read(tmp.resolve("xen"), files);
    Map<String, String> bridges = new LinkedHashMap<>();
    lab.networks().forEach(n -> bridges.put(n.name(), HostNames.bridge(lab.name(), n.name())));
    assertThat(new HashSet<>(bridges.values())).as("one bridge per network").hasSize(lab.networks().size());
    assertThat(bridges.values()).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(15).matches("[a-z0-9-]+"));
    for (Machine m : lab.machines()) {
      JsonNode r = find(reports, m.name() + ".cfg");
      String what = spec + " " + m.name();
      assertThat(r.path("rc").asInt()).as(what + ": " + r.path("messages").asText()).isZero();
      assertThat(r.path("messages").asText()).as(what).isEmpty();
      JsonNode values = r.path("values");
      JsonNode longs = r.path("longs");

      Map<String, String> strings = new LinkedHashMap<>();
      strings.put("name", HostNames.machine(lab.name(), m.name()));
      strings.put("type", settings.type());
      Map<String, Long> numbers = new LinkedHashMap<>();
      numbers.put("memory", m.memoryMib());
      numbers.put("vcpus", (long) m.cpus());
      if (settings.hvm()) {
        strings.put("boot", "c");
        strings.put("serial", "pty");
        if (m.nestedVirtualization()) {
          numbers.put("nestedhvm", 1L);
        }
      } else {
        if (settings.kernel() != null) {
          strings.put("kernel", settings.kernel());
          if (settings.ramdisk() != null) {
            strings.put("ramdisk", settings.ramdisk());
          }
        } else {
          strings.put("bootloader", "pygrub");
        }
        strings.put("extra", settings.extra());
      }
      Set<String> keys = new TreeSet<>(strings.keySet());
      keys.addAll(numbers.keySet());
      keys.add("disk");
      if (!m.nics().isEmpty()) {
        keys.add("vif");
      }
      Set<String> read = new TreeSet<>();
      values.fieldNames().forEachRemaining(read::add);
      assertThat(read).as(what + " keys").isEqualTo(keys);
      assertThat(r.path("settings").size()).as(what + ": each key once").isEqualTo(keys.size());
      strings.forEach((k, v) -> assertThat(values.path(k).asText()).as(what + " " + k).isEqualTo(v));
      numbers.forEach((k, v) -> assertThat(longs.path(k).asLong()).as(what + " " + k).isEqualTo(v));

      String dir = settings.imageDir(lab.name()) + "/" + m.name();
      List<String[]> disks = new ArrayList<>();
      disks.add(new String[] {dir + "/root.qcow2", "xvda", "qcow2", "rw", "0"});
      for (Disk d : m.disks()) {
        disks.add(new String[] {dir + "/data-" + d.name() + ".qcow2", "x" + d.device(), "qcow2", "rw", "0"});
      }
      String seedVdev = "xvd" + (char) ('b' + m.disks().size());
      disks.add(new String[] {dir + "/nocloud.iso", seedVdev, "raw", "ro", settings.hvm() ? "1" : "0"});
      JsonNode parsed = r.path("disks");
      assertThat(parsed.size()).as(what + " disks").isEqualTo(disks.size());
      for (int i = 0; i < disks.size(); i++) {
        JsonNode d = parsed.get(i);
        String[] want = disks.get(i);
        assertThat(d.path("rc").asInt()).as(what + " disk " + i + ": " + d.path("messages").asText()).isZero();
        assertThat(d.path("target").asText()).as(what + " disk " + i + " target").isEqualTo(want[0]);
        assertThat(d.path("vdev").asText()).as(what + " disk " + i + " vdev").isEqualTo(want[1]);
        assertThat(d.path("format").asText()).as(what + " disk " + i + " format").isEqualTo(want[2]);
        assertThat(d.path("access").asText()).as(what + " disk " + i + " access").isEqualTo(want[3]);
        assertThat(d.path("is_cdrom").asText()).as(what + " disk " + i + " cdrom").isEqualTo(want[4]);
      }

      JsonNode vifs = values.path("vif");
      assertThat(vifs.size()).as(what + " vifs").isEqualTo(m.nics().size());
      for (int i = 0; i < m.nics().size(); i++) {
        Nic nic = m.nics().get(i);
        Map<String, String> vif = xlVif(vifs.get(i).asText());
        assertThat(vif).as(what + " vif " + i).isEqualTo(Map.of("mac", nic.mac(), "bridge", bridges.get(nic.network())));
      }
    }
  }

  /** A vif spec split the way xl's parse_nic_config loop splits it: at commas, leading blanks off. */
  static Map<String, String> xlVif(String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String token : spec.split(",")) {
      String t = token.replaceFirst("^ +", "");
      int eq = t.indexOf('=');
      assertThat(eq).as("vif option %s", t).isPositive();
      assertThat(out.put(t.substring(0, eq), t.substring(eq + 1))).as("vif option given twice: %s", t).isNull();
    }
    return out;
  }

  private static JsonNode find(JsonNode reports, String file) {
    for (JsonNode r : reports) {
      if (r.path("file").asText().equals(file)) {
        return r;
      }
    }
    throw new AssertionError("no report for " + file);
  }
}
