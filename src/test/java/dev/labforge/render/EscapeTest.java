package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.testing.NastyStrings;
import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class EscapeTest {
  @TempDir
  Path tmp;

  @Provide
  Arbitrary<String> nasty() {
    return NastyStrings.anyWithRandomText();
  }

  @Property(tries = 500)
  void yamlLiteralsReadBackExactly(@ForAll("nasty") String s) {
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(new StringReader("k: " + Escape.yaml(s) + "\n"));
    assertThat(((Map<?, ?>) parsed).get("k")).isEqualTo(s);
  }

  @Property(tries = 300)
  void jsonLiteralsReadBackExactly(@ForAll("nasty") String s) throws Exception {
    assertThat(new ObjectMapper().readValue(Escape.json(s), String.class)).isEqualTo(s);
  }

  @Test
  void hclDoublesTemplateOpenersAndEscapesQuotes() {
    assertThat(Escape.hcl("a ${b} %{c} $d %e \"q\" \\ \n\t")).isEqualTo("\"a $${b} %%{c} $d %e \\\"q\\\" \\\\ \\n\\t\"");
    assertThat(Escape.hcl("$${x}")).isEqualTo("\"$$${x}\"");
  }

  @Test
  void rubyLiteralsAreSingleQuotedSoNothingInterpolates() {
    assertThat(Escape.ruby("#{`id`} it's \\ \r\n")).isEqualTo("'#{`id`} it\\'s \\\\ ' \"\\r\" '\n'");
  }

  @Test
  void shellWordsAreSingleQuoted() {
    assertThat(Escape.sh("it's $(id)")).isEqualTo("'it'\\''s $(id)'");
  }

  /** One sample set, checked by the real readers in one process each (they are slow to start). */
  static List<String> samples() {
    List<String> samples = new ArrayList<>(List.of("", "plain", "a'b\"c\\d", "#{x} ${y} %{z}", "line\nEOF\nend",
        "tab\there trailing  ", "é✓中文😀", "\r\n", "\u2028\u0085"));
    NastyStrings.anyWithRandomText().sampleStream().limit(300).forEach(samples::add);
    return samples;
  }

  @Test
  void pyyamlReadsYamlLiteralsBackExactly() throws Exception {
    RealTools.require("/usr/bin/python3");
    List<String> samples = samples();
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < samples.size(); i++) {
      doc.append("k").append(i).append(": ").append(Escape.yaml(samples.get(i))).append('\n');
    }
    Path file = Files.writeString(tmp.resolve("s.yaml"), doc, StandardCharsets.UTF_8);
    Tools.Run run = Tools.system().run(tmp, Map.of(), 60, "/usr/bin/python3", "-c",
        "import sys,yaml,json; d=yaml.safe_load(open(sys.argv[1],encoding='utf-8')); "
            + "sys.stdout.buffer.write(json.dumps([d['k%d'%i] for i in range(len(d))]).encode())",
        file.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(new ObjectMapper().readValue(run.output(), String[].class)).containsExactlyElementsOf(samples);
  }

  @Test
  void rubyReadsRubyLiteralsBackExactly() throws Exception {
    RealTools.require("ruby");
    List<String> samples = samples();
    StringBuilder program = new StringBuilder("# encoding: utf-8\nrequire 'json'\nputs JSON.generate([\n");
    for (String s : samples) {
      program.append(Escape.ruby(s)).append(",\n");
    }
    program.append("])\n");
    Path file = Files.writeString(tmp.resolve("s.rb"), program, StandardCharsets.UTF_8);
    Tools.Run run = Tools.system().run(tmp, Map.of(), 60, "ruby", file.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(new ObjectMapper().readValue(run.output(), String[].class)).containsExactlyElementsOf(samples);
  }

  @Test
  void posixShellReadsShellWordsBackExactly() throws Exception {
    RealTools.require("sh");
    List<String> samples = samples();
    StringBuilder script = new StringBuilder();
    for (String s : samples) {
      script.append("printf '%s\\000' ").append(Escape.sh(s)).append('\n');
    }
    Path file = Files.writeString(tmp.resolve("s.sh"), script, StandardCharsets.UTF_8);
    Tools.Run run = Tools.system().run(tmp, Map.of("LC_ALL", "C.UTF-8"), 60, "sh", file.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    List<String> read = List.of(run.output().split("\u0000", -1));
    assertThat(read.subList(0, read.size() - 1)).containsExactlyElementsOf(samples);
  }

  @org.junit.jupiter.api.Test
  void xmlFreeTextWritesWhatXmlCannotHoldAsReplacementCharacters() {
    assertThat(Escape.xmlFreeText("a\u0001b\u001b<c>\td\u0000")).isEqualTo("a\ufffdb\ufffd&lt;c&gt;\td\ufffd");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Escape.xml("a\u0001b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
