package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A template rendered straight to UTF-8 (chunks, or for a big file a second rendering into an array
 * of its size) gives the bytes of its text, whatever the characters and wherever the chunks end.
 */
class RenderUtf8Test {
  @Property(tries = 25)
  void bytesAreTheTextsBytes(@ForAll @StringLength(max = 12) String unit,
      @ForAll @IntRange(min = 0, max = 250_000) int times) throws Exception {
    check(unit, times);
  }

  /** Over the copy limit: the second rendering, with multi-byte characters across every chunk border. */
  @Example
  void aBigFile() throws Exception {
    assertThat(check("é\uD834\uDD1Ex", 300_000)).isGreaterThan(Utf8Chunks.COPY_LIMIT);
  }

  /** A user's template that renders differently each time (here a counter), over the copy limit: no failure, the third rendering. */
  @Example
  void aTemplateThatChangesBetweenRenderings() throws Exception {
    Path dir = Files.createTempDirectory("render-utf8");
    try {
      Files.writeString(dir.resolve("moving.ftl"), "<#list 1..n as i>x</#list>${c}", StandardCharsets.UTF_8);
      Object counter = new Object() {
        private int calls;

        @Override
        public String toString() {
          return "a".repeat(++calls);
        }
      };
      byte[] bytes = new TemplateRenderer(dir).renderUtf8("moving.ftl", new Moving(2_000_000, counter));
      assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("x".repeat(2_000_000) + "aaa");
    } finally {
      Files.deleteIfExists(dir.resolve("moving.ftl"));
      Files.deleteIfExists(dir);
    }
  }

  /** A view as the targets' are: a record. */
  public record Moving(int n, Object c) {}

  public record Big(String s, int n) {}

  private static long check(String unit, int times) throws Exception {
    Path dir = Files.createTempDirectory("render-utf8");
    try {
      Files.writeString(dir.resolve("big.ftl"), "<#list 1..n as i>${s}|</#list>", StandardCharsets.UTF_8);
      TemplateRenderer templates = new TemplateRenderer(dir);
      Big model = new Big(unit, times);
      byte[] expected = templates.render("big.ftl", model).getBytes(StandardCharsets.UTF_8);
      assertThat(templates.renderUtf8("big.ftl", model)).isEqualTo(expected);
      return expected.length;
    } finally {
      Files.deleteIfExists(dir.resolve("big.ftl"));
      Files.deleteIfExists(dir);
    }
  }
}
