package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No tracked file holds a git merge-conflict marker: a README once shipped with both halves of a
 * conflict, each contradicting the other. A marker is a line that starts with seven '<' or '>' and
 * a space, or is seven '=' alone. Binary files (a NUL byte) are skipped.
 */
class ConflictMarkersTest {
  // built, not written out: this file must not hold a marker itself
  private static final String OURS = "<".repeat(7) + " ";
  private static final String SPLIT = "=".repeat(7);
  private static final String THEIRS = ">".repeat(7) + " ";

  @Test
  void noTrackedFileHoldsAConflictMarker() throws Exception {
    RealTools.require("git");
    Tools.Run files = Tools.system().run(Path.of("").toAbsolutePath(), Map.of(), 60, "git", "ls-files", "-z");
    assumeTrue(files.ok() || RealTools.inCi(), "not a git checkout; skipped outside CI: " + files.output());
    assertThat(files.exitCode()).as(files.output()).isZero();
    List<String> found = new ArrayList<>();
    for (String name : files.output().split("\0")) {
      Path file = Path.of(name);
      if (!name.isEmpty() && Files.isRegularFile(file)) {
        found.addAll(markers(name, Files.readAllBytes(file)));
      }
    }
    assertThat(found).as("conflict markers (resolve the conflict)").isEmpty();
  }

  @Test
  void eachKindOfMarkerIsFoundAndLookAlikesAreNot() {
    String text = "a\n" + OURS + "HEAD\nb\n" + SPLIT + "\nc\n" + THEIRS + "main\n"
        + SPLIT + "=\n" + "x " + SPLIT + "\n" + OURS.strip() + "\n";
    assertThat(markers("README.md", text.getBytes(StandardCharsets.UTF_8)))
        .containsExactly("README.md:2: " + OURS + "HEAD", "README.md:4: " + SPLIT, "README.md:6: " + THEIRS + "main");
    assertThat(markers("logo.png", ("\0" + text).getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  /** "path:line: text" for each marker line; none in a binary file. */
  static List<String> markers(String name, byte[] content) {
    List<String> found = new ArrayList<>();
    for (byte b : content) {
      if (b == 0) {
        return found;
      }
    }
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(OURS) || line.equals(SPLIT) || line.startsWith(THEIRS)) {
        found.add(name + ":" + (i + 1) + ": " + line);
      }
    }
    return found;
  }
}
