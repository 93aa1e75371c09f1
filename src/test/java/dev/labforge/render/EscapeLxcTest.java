package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.targets.lxc.LxcConfigReader;
import org.junit.jupiter.api.Test;

class EscapeLxcTest {
  @Test
  void aValueIsWrittenRawToTheEndOfTheLine() {
    assertThat(Escape.lxc("dir:/var/lib/lxc/a b/rootfs # not a comment = x")).isEqualTo("dir:/var/lib/lxc/a b/rootfs # not a comment = x");
  }

  @Test
  void aValueQuotedAtBothEndsGetsThePairLxcRemoves() throws Exception {
    assertThat(Escape.lxc("\"x\"")).isEqualTo("\"\"x\"\"");
    assertThat(Escape.lxc("'x'")).isEqualTo("''x''");
    assertThat(Escape.lxc("\"x'")).isEqualTo("\"x'");
    for (String value : new String[] {"\"x\"", "'x'", "\"", "'", "\"x'", "a\"b\""}) {
      String line = "lxc.uts.name = " + Escape.lxc(value) + "\n";
      assertThat(LxcConfigReader.read(line).get(0).value()).as(value).isEqualTo(value);
    }
  }

  @Test
  void refusesWhatOneLineCannotHold() {
    assertThatThrownBy(() -> Escape.lxc("a\nlxc.include = /etc/x")).hasMessageContaining("line break");
    assertThatThrownBy(() -> Escape.lxc("a\rb")).hasMessageContaining("line break");
    assertThatThrownBy(() -> Escape.lxc("a\u0000b")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> Escape.lxc(" a")).hasMessageContaining("white space");
    assertThatThrownBy(() -> Escape.lxc("a\t")).hasMessageContaining("white space");
    assertThatThrownBy(() -> Escape.lxc("")).hasMessageContaining("empty");
  }

  @Test
  void fstabFieldsUseGetmntentsOctalEscapes() {
    assertThat(Escape.fstab("/srv/a b\tc\nd\\e")).isEqualTo("/srv/a\\040b\\011c\\012d\\134e");
    assertThat(Escape.fstab("var/lib/cloud/seed/nocloud")).isEqualTo("var/lib/cloud/seed/nocloud");
    assertThatThrownBy(() -> Escape.fstab("a\u0000")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> Escape.fstab("")).hasMessageContaining("empty");
  }

  @Test
  void commentsStayOnOneLine() {
    assertThat(Escape.lxcComment("web\nlxc.include = /etc/evil\r")).isEqualTo("web lxc.include = /etc/evil");
  }
}
