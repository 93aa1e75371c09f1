package dev.labforge.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a diagnostic is printed: user text visible, one line each, the caret under its column. */
class DiagnosticsTest {
  @Test
  void controlsBeforeTheColumnAreEscapedAndTheCaretMovesWithThem() {
    // a raw U+202E and a lone CR (which does not end a line here) before the value in error
    SourceText source = new SourceText("a\u202e.yaml", "k\u202e\r: {x: 1, y: bad}\n", null);
    Diagnostics d = new Diagnostics(source);
    d.error(new Position(1, 16), "/k\u202e\r/y", "no 'bad' here\nforged: line");
    assertThat(d.format()).isEqualTo(
        "a\\u202e.yaml:1:16: error: /k\\u202e\\r/y: no 'bad' here\\nforged: line\n"
            + "k\\u202e\\r: {x: 1, y: bad}\n"
            + " ".repeat(21) + "^\n" // under the b: the escapes before it are 8 characters, not 2
            + "1 error\n");
  }

  @Test
  void tabsInTheSourceLineStaySoTheCaretLinesUp() {
    SourceText source = new SourceText("a.yaml", "\tk: bad\n", null);
    Diagnostics d = new Diagnostics(source);
    d.error(new Position(1, 5), "/k", "tab\there");
    assertThat(d.format()).isEqualTo("a.yaml:1:5: error: /k: tab\\there\n\tk: bad\n\t   ^\n1 error\n");
  }
}
