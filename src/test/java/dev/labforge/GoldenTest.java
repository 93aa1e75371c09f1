package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec's whole output tree against {@code src/test/resources/golden/<spec>/}. Binary files
 * (ISO images) are pinned by their sha256 in the golden manifest.json rather than stored.
 * Run with {@code -Dgolden.update=true} to rewrite the golden folders after a deliberate change.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("golden.update", "false"));

  @TestFactory
  Stream<DynamicTest> outputMatchesGoldenFiles() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> compare(spec)));
  }

  private static void compare(Path spec) throws IOException {
    Path golden = GOLDEN.resolve(Specs.id(spec));
    List<RenderedFile> files = Specs.render(spec).stream().filter(f -> f.format() != Formats.BINARY).toList();
    if (UPDATE) {
      if (Files.exists(golden)) {
        try (Stream<Path> walk = Files.walk(golden)) {
          walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
      }
      for (RenderedFile file : files) {
        Path path = golden.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
      }
      return;
    }
    List<String> problems = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (RenderedFile file : files) {
      expected.add(file.path());
      Path path = golden.resolve(file.path());
      if (!Files.exists(path)) {
        problems.add("new file " + file.path());
      } else if (!new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.UTF_8).equals(file.text())) {
        problems.add("changed " + file.path() + firstDifference(Files.readString(path), file.text()));
      }
    }
    if (Files.isDirectory(golden)) {
      try (Stream<Path> walk = Files.walk(golden)) {
        walk.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !expected.contains(p)).sorted().forEach(p -> problems.add("no longer written " + p));
      }
    }
    if (!problems.isEmpty()) {
      fail("output of " + spec + " differs from " + golden + ":\n  " + String.join("\n  ", problems)
          + "\nIf the change is intended, run: mvn -B verify -Dgolden.update=true and review the diff.");
    }
    assertThat(problems).isEmpty();
  }

  private static String firstDifference(String want, String got) {
    String[] a = want.split("\n", -1);
    String[] b = got.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end>";
      String y = i < b.length ? b[i] : "<end>";
      if (!x.equals(y)) {
        return " at line " + (i + 1) + ":\n      golden: " + x + "\n      now:    " + y;
      }
    }
    return "";
  }
}
