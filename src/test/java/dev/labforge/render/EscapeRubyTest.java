package dev.labforge.render;

import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Escape#ruby} and {@link Escape#rubyComment}: examples, and a round trip through real Ruby. */
class EscapeRubyTest {

  @Test
  void quotesAndBackslashesAreTheOnlyEscapes() {
    assertThat(Escape.ruby("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
    assertThat(Escape.ruby("#{x} ${y} %{z}")).isEqualTo("'#{x} ${y} %{z}'");
    assertThat(Escape.ruby("")).isEqualTo("''");
  }

  @Test
  void carriageReturnsLeaveTheSingleQuotes() {
    // Ruby's lexer drops a CR before an LF even inside a literal, so CR never appears raw.
    assertThat(Escape.ruby("a\r\nb")).isEqualTo("'a' \"\\r\" '\nb'");
    assertThat(Escape.ruby("\r")).isEqualTo("'' \"\\r\" ''");
  }

  @Test
  void commentsStayOnOneLine() {
    assertThat(Escape.rubyComment(" first\nsecond\r\u2028third\t ")).isEqualTo("first second  third");
    assertThat(Escape.rubyComment("#{code}")).isEqualTo("#{code}");
  }

  @Property(tries = 10)
  @NeedsTools("ruby")
  void rubyReadsBackEveryString(@ForAll("strings") List<String> strings) throws Exception {
    RealTools.require("ruby");
    StringBuilder program = new StringBuilder("[\n");
    for (String s : strings) {
      program.append(Escape.ruby(s)).append(",\n");
    }
    program.append("].each { |s| puts [s].pack('m0') }\n");
    Path file = Files.createTempFile("labforge-escape-", ".rb");
    try {
      Files.write(file, program.toString().getBytes(StandardCharsets.UTF_8));
      Tools.Run run = Tools.system().run(file.getParent(), Map.of(), 60, "ruby", file.toString());
      assertThat(run.ok()).as(run.output()).isTrue();
      List<String> expected = new ArrayList<>();
      strings.forEach(s -> expected.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
      assertThat(run.output().lines().toList()).isEqualTo(expected);
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<List<String>> strings() {
    Arbitrary<String> nasty = Arbitraries.of("'", "\\", "\\'", "\r", "\n", "\r\n", "#{x}", "${x}", "%{x}", "\u0000",
        "\u0004", "\u001a", "__END__", "\n__END__\n", "\n=begin\n", "é", "😀", "\uFEFF", "\u2028", "\t");
    Arbitrary<String> plain = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
        .ofMaxLength(6);
    return Arbitraries.oneOf(nasty, plain).list().ofMaxSize(8).map(parts -> String.join("", parts))
        .list().ofMinSize(20).ofMaxSize(60);
  }
}
