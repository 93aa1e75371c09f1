package dev.labforge.targets.xen;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.NastyStrings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Spec strings that reach xl.cfg unchecked by any pattern (the image folder in every disk path,
 * kernel, ramdisk, extra) come back from Xen's own parser byte for byte: libxlutil reads the
 * values, xlu_disk_parse the disk targets. Batched: one lab of several machines' worth of samples
 * per try, one parser process per try.
 */
class XenStringsPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TemplateRenderer TEMPLATES = new TemplateRenderer();

  record Sample(String imageDir, String kernel, String ramdisk, String extra) {}

  @BeforeProperty
  void tools() {
    XenParser.require();
  }

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<String> text = NastyStrings.anyWithRandomText();
    // no control characters: ControlCharactersRule refuses them outside free text
    Arbitrary<String> clean = text.map(t -> t.replaceAll("[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]", "_"));
    Arbitrary<String> path = clean.map(s -> "/" + s);
    return Combinators.combine(path, path, path, clean)
        .as(Sample::new).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 8)
  void xenReadsTheSpecStringsBack(@ForAll("samples") List<Sample> samples) throws Exception {
    Path work = Files.createTempDirectory("labforge-xen-prop");
    List<String> files = new ArrayList<>();
    List<Lab> labs = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Lab lab = lab(samples.get(i), "p" + i);
      labs.add(lab);
      for (RenderedFile f : Rendered.of(new XenTarget(), lab, TEMPLATES)) {
        if (f.path().endsWith(".cfg")) {
          String name = "p" + i + "-" + f.path().substring("xen/".length());
          Files.write(work.resolve(name), f.content());
          files.add(name);
        }
      }
    }
    JsonNode reports = XenParser.read(work, files);
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      JsonNode r = reports.get(i);
      assertThat(r.path("rc").asInt()).as(r.path("messages").asText()).isZero();
      JsonNode values = r.path("values");
      assertThat(values.path("kernel").asText()).isEqualTo(s.kernel());
      assertThat(values.path("ramdisk").asText()).isEqualTo(s.ramdisk());
      assertThat(values.path("extra").asText()).isEqualTo(s.extra());
      String dir = XenSettings.of(labs.get(i)).imageDir(labs.get(i).name());
      JsonNode disks = r.path("disks");
      assertThat(disks.get(0).path("rc").asInt()).as(disks.get(0).path("messages").asText()).isZero();
      assertThat(disks.get(0).path("target").asText()).isEqualTo(dir + "/m/root.qcow2");
      assertThat(disks.get(1).path("target").asText()).isEqualTo(dir + "/m/data-d.qcow2");
      assertThat(disks.get(2).path("target").asText()).isEqualTo(dir + "/m/nocloud.iso");
    }
  }

  private static Lab lab(Sample s, String name) throws Exception {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("version", 1).put("name", name);
    ObjectNode image = spec.putObject("images").putObject("debian-12");
    image.put("os", "debian").put("release", "12");
    image.putObject("source").put("url", "https://example.org/debian-12.qcow2").put("format", "qcow2");
    spec.putArray("networks").addObject().put("name", "lab").put("cidr", "10.0.0.0/24");
    ObjectNode machine = spec.putArray("machines").addObject().put("name", "m").put("image", "debian-12");
    machine.putArray("disks").addObject().put("name", "d").put("size", "1GiB");
    spec.putObject("targets").putObject("xen").put("image_dir", s.imageDir()).put("kernel", s.kernel())
        .put("ramdisk", s.ramdisk()).put("extra", s.extra());
    return Rendered.load(new SpecInput(name + ".json", JSON.writeValueAsBytes(spec), Path.of(".")));
  }
}
