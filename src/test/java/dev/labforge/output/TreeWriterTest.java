package dev.labforge.output;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {
  @TempDir
  Path tmp;

  static RenderedFile file(String path, String text) {
    return RenderedFile.text(path, text, "test", Formats.TEXT, null);
  }

  @Test
  void unsafePathsAreRecognized() {
    assertThat(OutputPaths.problem("a/b.txt")).isNull();
    assertThat(OutputPaths.problem("../x")).isNotNull();
    assertThat(OutputPaths.problem("a/../../x")).isNotNull();
    assertThat(OutputPaths.problem("/etc/passwd")).isNotNull();
    assertThat(OutputPaths.problem("a//b")).isNotNull();
    assertThat(OutputPaths.problem("a\\b")).isNotNull();
    assertThat(OutputPaths.problem("C:x")).isNotNull();
    assertThat(OutputPaths.problem("")).isNotNull();
  }

  @Test
  void aFileThatWouldLeaveTheLabFolderStopsTheWholeWriteAndLeavesNothing() throws IOException {
    assertThatThrownBy(() -> Rendered.write(tmp, "lab", List.of(file("ok.txt", "a"), file("../evil", "b"))))
        .isInstanceOf(IOException.class).hasMessageContaining("refusing to write outside the lab folder");
    assertThat(tmp.resolve("evil")).doesNotExist();
    try (var left = Files.list(tmp)) {
      // the lab's lock stays, as after every gen in an existing folder; no tree, no staging folder
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly(".lab.lock");
    }
  }

  @Test
  void rewritingReplacesOurFilesDropsStaleOnesAndKeepsTheUsers() throws IOException {
    List<RenderedFile> first = List.of(file("a/one.txt", "1"), file("a/old.txt", "old"));
    Rendered.write(tmp, "lab", withManifest(first));
    Files.writeString(tmp.resolve("lab/a/user.txt"), "mine");
    List<RenderedFile> second = List.of(file("a/one.txt", "2"));
    assertThat(Rendered.differences(tmp, "lab", withManifest(second))).contains("a/one.txt", "a/old.txt");
    Rendered.write(tmp, "lab", withManifest(second));
    assertThat(tmp.resolve("lab/a/one.txt")).hasContent("2");
    assertThat(tmp.resolve("lab/a/old.txt")).doesNotExist();
    assertThat(tmp.resolve("lab/a/user.txt")).hasContent("mine");
    assertThat(Rendered.differences(tmp, "lab", withManifest(second))).isEmpty();
  }

  static List<RenderedFile> withManifest(List<RenderedFile> files) {
    java.util.ArrayList<RenderedFile> all = new java.util.ArrayList<>(files);
    all.add(Manifest.of("lab", "lab.yaml", new byte[0], files));
    return all;
  }
}
