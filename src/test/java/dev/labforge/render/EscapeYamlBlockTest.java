package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literal-block escaper: the chomping indicator follows the trailing line breaks; falls back when unsafe. */
class EscapeYamlBlockTest {
  @Test
  void chompingFollowsTrailingLineBreaks() {
    assertThat(Escape.yamlBlock("a\nb", 2)).isEqualTo("|-\n  a\n  b");
    assertThat(Escape.yamlBlock("a\nb\n", 2)).isEqualTo("|\n  a\n  b");
    assertThat(Escape.yamlBlock("a\n\n\n", 2)).isEqualTo("|+\n  a\n\n");
  }

  @Test
  void emptyLinesInsideCarryNoIndentation() {
    assertThat(Escape.yamlBlock("a\n\nb\n", 4)).isEqualTo("|\n    a\n\n    b");
  }

  @Test
  void keepsQuotesTabsTemplatesAndTrailingBlanksVerbatim() {
    String text = "say \"hi\" 'x' \\ ${a} #{b}\ttab  \nEOF\n";
    assertThat(Escape.yamlBlock(text, 2)).isEqualTo("|\n  say \"hi\" 'x' \\ ${a} #{b}\ttab  \n  EOF");
  }

  @Test
  void fallsBackToADoubleQuotedScalarWhenABlockCannotCarryTheText() {
    for (String text : new String[] {"", " lead", "\tlead", "\nlead", "cr\r\n", "nel\u0085", "ls\u2028", "bom\uFEFF",
        "bell\u0007", "a\n  \nb"}) {
      assertThat(Escape.yamlBlock(text, 2)).as(text).isEqualTo(Escape.yaml(text));
    }
  }
}
