package dev.labforge.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.render.RenderedFile;
import dev.labforge.targets.Tools;
import dev.labforge.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted copies of a generated xl.cfg are refused by Xen's own parser with the corrupted line
 * (and by labforge's reader at the same line, and by {@code labforge check}); a disk spec with a
 * bad format is refused by xlu_disk_parse.
 */
class XenBrokenFileTest {
  @TempDir
  Path tmp;

  record Corruption(String name, String lineStartsWith, UnaryOperator<String> edit, int reportedLineOffset) {}

  static final List<Corruption> CORRUPTIONS = List.of(
      // a Python-style leftover: lexical error on that line
      new Corruption("paren", "memory = ", l -> l + ")", 0),
      // an unterminated string: lexical error on that line
      new Corruption("quote", "name = ", l -> l.substring(0, l.length() - 1), 0),
      // a missing comma between disk specs: the parser stops at the next spec, one line further
      new Corruption("comma", "    \"format=qcow2, vdev=xvda", l -> l.substring(0, l.length() - 1), 1),
      // a key in upper case: lexical error on that line
      new Corruption("case", "vcpus = ", l -> l.replace("vcpus", "VCPUS"), 0));

  @BeforeEach
  void tools() {
    XenParser.require();
  }

  @Test
  void corruptedCopiesAreRefusedWithTheirLine() throws Exception {
    String original = cfg("xen.cfg");
    List<String> files = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (Corruption c : CORRUPTIONS) {
      String[] text = original.split("\n", -1);
      int line = -1;
      for (int i = 0; i < text.length && line < 0; i++) {
        if (text[i].startsWith(c.lineStartsWith())) {
          text[i] = c.edit().apply(text[i]);
          line = i + 1;
        }
      }
      assertThat(line).as(c.name() + " finds its line").isPositive();
      String file = "broken-" + c.name() + ".cfg";
      Files.writeString(tmp.resolve(file), String.join("\n", text), StandardCharsets.UTF_8);
      files.add(file);
      lines.add(line + c.reportedLineOffset());
    }
    JsonNode reports = XenParser.read(tmp, files);
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      JsonNode r = reports.get(i);
      assertThat(r.path("rc").asInt()).as(file).isEqualTo(22);
      assertThat(r.path("messages").asText()).as(file)
          .startsWith(file + ":" + lines.get(i) + ": config parsing error near");
      assertThat(XenParser.line(r.path("messages").asText())).isEqualTo(lines.get(i));
      String text = Files.readString(tmp.resolve(file), StandardCharsets.UTF_8);
      assertThatThrownBy(() -> XlCfgReader.parse(file, text)).as(file)
          .hasMessageStartingWith(file + ":" + lines.get(i) + ": ");
    }
  }

  @Test
  void labforgeCheckReportsTheRefusalWithTheLine() throws Exception {
    Path lab = tmp.resolve("lab");
    Files.createDirectories(lab.resolve("xen"));
    Files.writeString(lab.resolve("xen/xen.cfg"), cfg("xen.cfg").replace("memory = 8192", "memory = 8192)"));
    Files.writeString(lab.resolve("xen/kvm.cfg"), cfg("kvm.cfg").replace("format=qcow2, vdev=xvda", "format=qcow3, vdev=xvda"));
    List<String> problems = new XlParserCheck().run(lab, Tools.system());
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("xen/kvm.cfg: disk spec refused by xlu_disk_parse: ")
        .contains("unknown value for format: near `qcow3'");
    assertThat(problems.get(1)).startsWith("xen/xen.cfg: refused by libxlutil (22): xen.cfg:7: config parsing error near `)'");
  }

  private static String cfg(String name) {
    for (RenderedFile f : Specs.render(Path.of("examples/lpic3-351.yaml"))) {
      if (f.path().equals("xen/" + name)) {
        return f.text();
      }
    }
    throw new AssertionError("no xen/" + name);
  }
}
