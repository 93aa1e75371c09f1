package dev.labforge.target.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.Templates;
import dev.labforge.testing.RealTools;
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
 * guest would get. Samples are batched: one ruby and two bash runs per try.
 */
class VagrantStringsPropertyTest {
  private static final Templates TEMPLATES = new Templates();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Pieces that have broken quoting somewhere: quotes, escapes, interpolation, heredoc ends, CR. */
  private static final List<String> NASTY = List.of("'", "\"", "\\", "\\'", "'\\''", "${x}", "%{x}", "#{x}",
      "#{`id`}", "$(id)", "`id`", "\n", "\r", "\r\n", "\t", "EOF", "\nEOF\n", "SH", "\nSH\n", "__END__",
      "\n=begin\n", "%q{", "é", "✓", "😀", "𝄞", "\u0000", "\u0085", "\u2028", "\uFEFF", " ", "%s", "-n");

  record Sample(String command, String content, String segment, String script, String description) {}

  @BeforeProperty
  void tools() {
    RealTools.require("ruby", "bash", "base64");
  }

  @Property(tries = 8)
  void specStringsReachTheGuestByteForByte(@ForAll("samples") List<Sample> samples) throws Exception {
    Path work = Files.createTempDirectory("labforge-vagrant-prop-");
    List<String> vagrantfiles = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      vagrantfiles.add(VagrantTarget.text(lab(samples.get(i), work.resolve("spec" + i)), TEMPLATES));
    }
    List<JsonNode> evaluated = FakeVagrant.evaluate(vagrantfiles, work.resolve("eval"));
    List<String> fileSteps = new ArrayList<>();
    List<String> scriptSteps = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      JsonNode machines = FakeVagrant.machines(evaluated.get(i));
      assertThat(machines).as("description must stay a comment").hasSize(1);
      assertThat(machines.get(0).path("name").asText()).isEqualTo("m");
      JsonNode provisioners = machines.get(0).path("config").path("vm").path("provisioners");
      assertThat(inline(provisioners, "command 1")).isEqualTo(s.command());
      assertThat(inline(provisioners, "script run")).isEqualTo("/var/lib/labforge/scripts/01-run.sh");
      assertThat(provisioner(provisioners, "file 1: /srv/" + s.segment())).isNotNull();
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
      assertThat(scripts.get(i).raw().get("content")).isEqualTo(utf8(s.script()));
    }
  }

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(NASTY), plain()).list().ofMaxSize(10)
        .map(parts -> String.join("", parts));
    Arbitrary<String> command = text.map(t -> t.isEmpty() ? "true" : t);
    // A path segment: no '/', no NUL and no line terminator (the spec schema's '.' excludes those).
    Arbitrary<String> segment = text.map(t -> t.replaceAll("[/\\u0000\\n\\r\\u0085\\u2028\\u2029]", "_"))
        .map(t -> t.isEmpty() || t.equals(".") || t.equals("..") ? "f" + t : t);
    Arbitrary<String> description = text.map(t -> t.length() > 150 ? t.substring(0, 150) : t)
        .map(t -> t.endsWith("\uD83D") || t.endsWith("\uD834") ? t.substring(0, t.length() - 1) : t);
    return Combinators.combine(command, text, segment, text, description).as(Sample::new).list().ofMinSize(4).ofMaxSize(16);
  }

  /** Any BMP character except surrogates, which UTF-8 cannot carry alone. */
  private static Arbitrary<String> plain() {
    return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(8);
  }

  /** A one-machine lab holding the sample's strings, read through the real spec reader. */
  private static Lab lab(Sample s, Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("run.sh"), utf8(s.script()));
    ObjectNode spec = JSON.createObjectNode();
    spec.put("version", 1).put("name", "prop").put("description", s.description());
    ObjectNode image = spec.putObject("images").putObject("debian-12");
    image.put("os", "debian").put("release", "12");
    image.putObject("source").put("url", "https://example.org/debian-12.qcow2").put("format", "qcow2");
    spec.putArray("networks").addObject().put("name", "lab").put("cidr", "192.168.56.0/24");
    ObjectNode machine = spec.putArray("machines").addObject();
    machine.put("name", "m").put("image", "debian-12").put("description", s.description());
    machine.putArray("commands").add(s.command());
    machine.putArray("files").addObject().put("path", "/srv/" + s.segment()).put("content", s.content())
        .put("permissions", "640");
    ArrayNode scripts = machine.putArray("scripts");
    scripts.addObject().put("name", "run").put("path", "run.sh");
    byte[] bytes = JSON.writeValueAsBytes(spec);
    return Generator.load(new SpecInput("prop.json", bytes, dir));
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
