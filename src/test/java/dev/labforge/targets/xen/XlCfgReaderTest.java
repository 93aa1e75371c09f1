package dev.labforge.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class XlCfgReaderTest {
  private static final Path CORPUS = Path.of("src/test/resources/xl");

  private static XlConfig read(String name) throws Exception {
    Path p = CORPUS.resolve(name);
    return XlCfgReader.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryValueKindAsXenDoes() throws Exception {
    XlConfig cfg = read("valid/values.cfg");
    assertThat(cfg.settings()).extracting(XlConfig.Setting::name)
        .containsExactly("name", "memory", "hex", "oct", "odd", "s1", "s2", "l", "empty");
    assertThat(cfg.settings().get(1).line()).isEqualTo(3);
    assertThat(cfg.get("s1")).contains(new XlConfig.Text("single \"q\" ' x", false));
    assertThat(cfg.get("s2")).contains(new XlConfig.Text("tab\there\\ \"q\" \u0007\b\f\u000b\r\n", false));
    assertThat(new ObjectMapper().writeValueAsString(cfg.toJson())).isEqualTo(
        "{\"name\":\"a\",\"memory\":2048,\"hex\":31,\"oct\":8,\"odd\":\"9abc\",\"s1\":\"single \\\"q\\\" ' x\","
            + "\"s2\":\"tab\\there\\\\ \\\"q\\\" \\u0007\\b\\f\\u000B\\r\\n\",\"l\":[\"a\",1,[\"b\",[]]],\"empty\":[]}");
  }

  @Test
  void listsMaySpanLinesAndEndWithAComma() throws Exception {
    XlConfig cfg = read("valid/layout.cfg");
    assertThat(cfg.get("c")).contains(new XlConfig.Items(List.of(
        new XlConfig.Text("1", false), new XlConfig.Text("2", false), new XlConfig.Text("3", false))));
    assertThat(cfg.get("last")).contains(new XlConfig.Text("no newline", false));
  }

  @Test
  void rawControlCharactersAndUnicodeStayAsWritten() throws Exception {
    assertThat(read("valid/raw-bytes.cfg").get("name"))
        .contains(new XlConfig.Text("é✓😀 raw\u0001ctl\u001b\u007f \r cr", false));
  }

  @Test
  void refusesWhatXenRefusesWithTheLine() {
    assertRefused("broken/python-paren.cfg", 2, "lexical error near `)'");
    assertRefused("broken/unterminated-string.cfg", 3, "unterminated string");
    assertRefused("broken/hex-escape.cfg", 2, "numeric escape \\x");
    assertRefused("broken/bad-escape.cfg", 2, "invalid character after backslash");
    assertRefused("broken/comment-at-eof.cfg", 2, "a comment must end with a line break");
    assertRefused("broken/two-on-a-line.cfg", 1, "syntax error near `b'");
    assertRefused("broken/list-without-comma.cfg", 1, "syntax error near `\"2\"'");
    assertRefused("broken/list-leading-comma.cfg", 1, "syntax error near `,'");
    assertRefused("broken/upper-case-key.cfg", 1, "lexical error near `N'");
    assertRefused("broken/crlf.cfg", 1, "lexical error near `\r'");
    assertRefused("broken/value-on-next-line.cfg", 1, "syntax error near end of line");
    assertRefused("broken/unclosed-list.cfg", 3, "syntax error near end of file");
  }

  @Test
  void refusesValidXlThatLabforgeNeverWrites() {
    assertRefused("strict/octal-escape-dropped.cfg", 1, "numeric escape \\1");
    assertRefused("strict/duplicate-key.cfg", 2, "'a' is set again (first on line 1)");
    assertRefused("strict/append.cfg", 2, "'+='");
  }

  private static void assertRefused(String name, int line, String reason) {
    assertThatThrownBy(() -> read(name)).isInstanceOf(XlSyntaxException.class)
        .hasMessageStartingWith(CORPUS.resolve(name) + ":" + line + ": ")
        .hasMessageContaining(reason);
  }
}
