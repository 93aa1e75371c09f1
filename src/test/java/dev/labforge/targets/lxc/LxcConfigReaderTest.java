package dev.labforge.targets.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.targets.lxc.LxcConfigReader.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LxcConfigReaderTest {
  @Test
  void readsKeysAndValuesAsLxcDoes() throws Exception {
    List<Entry> entries = LxcConfigReader.read("""
        # a comment
          # an indented comment

        lxc.uts.name=web
          lxc.net.0.hwaddr   =   52:54:00:00:00:01\t
        lxc.mount.entry = /a b none bind 0 0
        lxc.uts.name = "quoted"
        lxc.uts.name = a = b
        """);
    assertThat(entries).containsExactly(
        new Entry("lxc.uts.name", "web", 4),
        new Entry("lxc.net.0.hwaddr", "52:54:00:00:00:01", 5),
        new Entry("lxc.mount.entry", "/a b none bind 0 0", 6),
        new Entry("lxc.uts.name", "quoted", 7),
        new Entry("lxc.uts.name", "a = b", 8));
    assertThat(LxcConfigReader.first(entries, "lxc.uts.name")).isEqualTo("web");
    assertThat(LxcConfigReader.all(entries, "lxc.uts.name")).containsExactly("web", "quoted", "a = b");
    assertThat(LxcConfigReader.toJson(entries.subList(0, 1)).toString())
        .isEqualTo("{\"entries\":[{\"key\":\"lxc.uts.name\",\"value\":\"web\"}]}");
  }

  @Test
  void refusesALineWithoutAKey() {
    assertThatThrownBy(() -> LxcConfigReader.read("lxc.uts.name = a\nlxc.include\n"))
        .hasMessage("line 2: no '=' in \"lxc.include\"");
    assertThatThrownBy(() -> LxcConfigReader.read(" = a\n")).hasMessage("line 1: no key before '='");
  }
}
