package dev.labforge.targets.vagrant;

import dev.labforge.testing.Rendered;
import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Arbitrary strings in commands, file paths and contents, script contents and descriptions come
 * out of the EVALUATED Vagrantfile exactly as the spec wrote them: real Ruby evaluates each file
 * against a recording fake of Vagrant, and real bash decodes (and, for files, writes) what the
 * guest would get; real Vagrant validates the file. Samples are batched: per try one lab, one
 * vagrant validate, one ruby and three bash runs.
 */
class VagrantStringsPropertyTest {
  private static final TemplateRenderer TEMPLATES = new TemplateRenderer();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Pieces that have broken quoting somewhere: quotes, escapes, interpolation, heredoc ends, CR. */
  private static final List<String> NASTY = List.of("'", "\"", "\\", "\\'", "'\\''", "${x}", "%{x}", "#{x}",
      "#{`id`}", "$(id)", "`id`", "\n", "\r", "\r\n", "\t", "EOF", "\nEOF\n", "SH", "\nSH\n", "__END__",
      "\n=begin\n", "%q{", "é", "✓", "😀", "𝄞", "\u0000", "\u0085", "\u2028", "\uFEFF", " ", "%s", "-n");

  record Sample(String command, String content, String segment, String script, String description) {}

  @BeforeProperty
  void tools() {
    RealTools.require("ruby", "bash", "base64", "vagrant");
  }

  /**
   * One lab per try with one machine per sample: real Ruby evaluates it against the fake, real
   * Vagrant validates it ({@code vagrant validate -p}), real bash decodes and writes the values.
   */
  @Property(tries = 4)
  @NeedsTools({"ruby", "bash", "base64", "vagrant"})
  void specStringsReachTheGuestByteForByte(@ForAll("samples") List<Sample> samples) throws Exception {
    Path work = Files.createTempDirectory("labforge-vagrant-prop-");
    String vagrantfile = VagrantTarget.text(lab(samples, work.resolve("spec")), TEMPLATES);
    Path labDir = work.resolve("out");
    Files.createDirectories(labDir.resolve("vagrant"));
    Files.write(labDir.resolve("vagrant/Vagrantfile"), utf8(vagrantfile));
    assertThat(new VagrantValidateCheck().run(labDir, Tools.system())).isEmpty();
    JsonNode machines = FakeVagrant.machines(FakeVagrant.evaluate(List.of(vagrantfile), work.resolve("eval")).get(0));
    assertThat(machines).as("descriptions must stay comments").hasSize(samples.size());
    List<String> fileSteps = new ArrayList<>();
    List<String> scriptSteps = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      assertThat(machines.get(i).path("name").asText()).isEqualTo("m" + i);
      JsonNode provisioners = machines.get(i).path("config").path("vm").path("provisioners");
      assertThat(inline(provisioners, "command 1")).isEqualTo(s.command());
      assertThat(inline(provisioners, "script run")).isEqualTo("/var/lib/labforge/scripts/01-run.sh");
      fileSteps.add(inline(provisioners, "file 1: /srv/" + s.segment()));
      scriptSteps.add(inline(provisioners, "script run (install)"));
    }
    List<GuestShell.Values> files = GuestShell.decode(fileSteps, Files.createDirectories(work.resolve("files")));
    List<GuestShell.Values> scripts = GuestShell.decode(scriptSteps, Files.createDirectories(work.resolve("scripts")));
    List<GuestShell.Written> written = GuestShell.runFileSteps(fileSteps, Files.createDirectories(work.resolve("root")));
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      assertThat(files.get(i).text("path")).isEqualTo("/srv/" + s.segment());
      assertThat(files.get(i).variable().get("path")).isEqualTo(utf8("/srv/" + s.segment()));
      assertThat(files.get(i).raw().get("content")).isEqualTo(utf8(s.content()));
      assertThat(files.get(i).text("mode")).isEqualTo("0640");
      assertThat(written.get(i).content()).isEqualTo(utf8(s.content()));
      assertThat(written.get(i).mode()).isEqualTo("0640");
      assertThat(written.get(i).folderMode()).as("parent folders are not private").isEqualTo("0755");
      assertThat(scripts.get(i).raw().get("content")).isEqualTo(utf8(s.script()));
    }
  }

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(NASTY), plain()).list().ofMaxSize(10)
        .map(parts -> String.join("", parts));
    Arbitrary<String> command = text.map(t -> t.isEmpty() ? "true" : t);
    // A path segment: no '/' and no control character (ControlCharactersRule refuses those in paths).
    Arbitrary<String> segment = text.map(t -> t.replaceAll("[/\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]", "_"))
        .map(t -> t.isEmpty() || t.equals(".") || t.equals("..") ? "f" + t : t);
    Arbitrary<String> description = text.map(t -> t.length() > 150 ? t.substring(0, 150) : t)
        .map(t -> t.endsWith("\uD83D") || t.endsWith("\uD834") ? t.substring(0, t.length() - 1) : t);
    return Combinators.combine(command, text, segment, text, description).as(Sample::new).list().ofMinSize(3).ofMaxSize(8);
  }

  /** Any BMP character except surrogates, which UTF-8 cannot carry alone. */
  private static Arbitrary<String> plain() {
    return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(8);
  }

  /** A lab with one machine per sample, read through the real spec reader. */
  private static Lab lab(List<Sample> samples, Path dir) throws Exception {
    Files.createDirectories(dir);
    ObjectNode spec = JSON.createObjectNode();
    spec.put("version", 1).put("name", "prop").put("description", samples.get(0).description());
    ObjectNode image = spec.putObject("images").putObject("debian-12");
    image.put("os", "debian").put("release", "12");
    image.putObject("source").put("url", "https://example.org/debian-12.qcow2").put("format", "qcow2");
    spec.putArray("networks").addObject().put("name", "lab").put("cidr", "10.0.0.0/16");
    ArrayNode machines = spec.putArray("machines");
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      Files.write(dir.resolve("run" + i + ".sh"), utf8(s.script()));
      ObjectNode machine = machines.addObject();
      machine.put("name", "m" + i).put("image", "debian-12").put("description", s.description());
      machine.putArray("commands").add(s.command());
      machine.putArray("files").addObject().put("path", "/srv/" + s.segment()).put("content", s.content())
          .put("permissions", "640");
      ArrayNode scripts = machine.putArray("scripts");
      scripts.addObject().put("name", "run").put("path", "run" + i + ".sh");
    }
    return Rendered.load(new SpecInput("prop.json", JSON.writeValueAsBytes(spec), dir));
  }

  private static JsonNode provisioner(JsonNode provisioners, String name) {
    for (JsonNode p : provisioners) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static String inline(JsonNode provisioners, String name) {
    JsonNode p = provisioner(provisioners, name);
    assertThat(p).as("provisioner %s", name).isNotNull();
    return p.path("opts").path("inline").asText();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
