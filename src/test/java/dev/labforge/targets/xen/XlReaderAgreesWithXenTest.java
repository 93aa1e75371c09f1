package dev.labforge.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java reader against libxlutil on the corpus src/test/resources/xl/: valid files give the same
 * keys and values, broken files are refused by both at the same line, and strict/ holds the valid
 * xl that the Java reader refuses on purpose (labforge never writes it).
 */
class XlReaderAgreesWithXenTest {
  private static final Path CORPUS = Path.of("src/test/resources/xl");

  @BeforeEach
  void tools() {
    XenParser.require();
  }

  private static List<String> files(String kind) throws Exception {
    try (Stream<Path> s = Files.list(CORPUS.resolve(kind))) {
      return s.map(p -> kind + "/" + p.getFileName()).sorted().toList();
    }
  }

  @Test
  void validFilesReadTheSame() throws Exception {
    List<String> files = files("valid");
    JsonNode xen = XenParser.read(CORPUS, files);
    for (int i = 0; i < files.size(); i++) {
      JsonNode report = xen.get(i);
      assertThat(report.path("rc").asInt()).as(files.get(i) + ": " + report.path("messages").asText()).isZero();
      XlConfig java = XlCfgReader.parse(files.get(i), Files.readString(CORPUS.resolve(files.get(i)), StandardCharsets.UTF_8));
      assertThat(java.settings()).extracting(XlConfig.Setting::name)
          .containsExactlyElementsOf(() -> report.path("settings").findValuesAsText("name").iterator());
      for (JsonNode s : report.path("settings")) {
        XlConfig.Value mine = java.get(s.path("name").asText()).orElseThrow();
        assertThat(XenParser.plain(mine)).as(files.get(i) + " " + s.path("name").asText())
            .isEqualTo(XenParser.value(s.path("value")));
      }
      java.settings().forEach(s -> assertThat(s.line()).isEqualTo(lineOf(report, s.name())));
    }
  }

  @Test
  void brokenFilesAreRefusedByBothAtTheSameLine() throws Exception {
    List<String> files = files("broken");
    JsonNode xen = XenParser.read(CORPUS, files);
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      String messages = xen.get(i).path("messages").asText();
      assertThat(xen.get(i).path("rc").asInt()).as(file).isEqualTo(22);
      assertThat(messages).as(file).contains(file + ":").contains("config parsing error");
      String text = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
      // Xen reports an unexpected line break at line 0 there; the Java reader names the line it ends
      int xenLine = file.endsWith("value-on-next-line.cfg") ? 1 : XenParser.line(messages);
      assertThatThrownBy(() -> XlCfgReader.parse(file, text)).as(file)
          .isInstanceOf(XlSyntaxException.class).hasMessageStartingWith(file + ":" + xenLine + ": ");
    }
  }

  @Test
  void strictFilesAreXlThatOnlyTheJavaReaderRefuses() throws Exception {
    List<String> files = files("strict");
    JsonNode xen = XenParser.read(CORPUS, files);
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      assertThat(xen.get(i).path("rc").asInt()).as(file).isZero();
      String text = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
      assertThatThrownBy(() -> XlCfgReader.parse(file, text)).as(file).isInstanceOf(XlSyntaxException.class);
    }
  }

  private static int lineOf(JsonNode report, String name) {
    for (JsonNode s : report.path("settings")) {
      if (s.path("name").asText().equals(name)) {
        return s.path("line").asInt();
      }
    }
    return -1;
  }
}
