package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscapeXlTest {
  @Test
  void escapesQuoteBackslashAndTheControlsLibxlutilKnows() {
    assertThat(Escape.xl("a \"b\" \\ 'c'\n\r\t\u0007\b\f\u000b")).isEqualTo("\"a \\\"b\\\" \\\\ 'c'\\n\\r\\t\\a\\b\\f\\v\"");
  }

  @Test
  void writesOtherCharactersRawBecauseXen417HasNoWorkingNumericEscape() {
    assertThat(Escape.xl("\u0001\u001b\u007f é 😀 ${x} #")).isEqualTo("\"\u0001\u001b\u007f é 😀 ${x} #\"");
  }

  @Test
  void refusesWhatACStringCannotHold() {
    assertThatThrownBy(() -> Escape.xl("a\u0000b")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> Escape.xl("a\ud800")).hasMessageContaining("unpaired surrogate");
  }

  @Test
  void commentsStayOnOneLine() {
    assertThat(Escape.xlComment("a\nb = 1\r")).isEqualTo("a b = 1");
  }
}
