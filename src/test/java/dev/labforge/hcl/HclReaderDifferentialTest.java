package dev.labforge.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.testing.Hcl2Json;
import dev.labforge.testing.HclTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our reader against HashiCorp's parser (hcl2json) on a corpus: hand-written edge cases, every
 * .hcl/.tf file in the golden folders, and broken files both must reject.
 */
class HclReaderDifferentialTest {
  static final Path VALID = Path.of("src/test/resources/hcl/valid");
  static final Path BROKEN = Path.of("src/test/resources/hcl/broken");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Map<String, String> corpus(Path dir, boolean goldenToo) throws IOException {
    Map<String, String> files = new TreeMap<>();
    List<Path> roots = goldenToo ? List.of(dir, GOLDEN) : List.of(dir);
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          String name = p.toString().replace('\\', '/');
          if (name.endsWith(".hcl") || name.endsWith(".tf")) {
            files.put(name, Files.readString(p, StandardCharsets.UTF_8));
          }
        }
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> validFilesReadAsHcl2JsonReadsThem() throws Exception {
    Hcl2Json.require();
    Map<String, String> files = corpus(VALID, true);
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(files);
    System.out.println("HCL differential corpus: " + files.size() + " valid files");
    return files.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Hcl2Json.Result want = theirs.get(e.getKey());
      assertThat(want.error()).as("hcl2json rejects a file of the valid corpus").isNull();
      JsonNode ours = HclReader.parse(e.getKey(), e.getValue());
      if (!HclTrees.same(ours, want.tree())) {
        fail("our reader differs from hcl2json on " + e.getKey() + "\n ours:     " + ours + "\n hcl2json: " + want.tree());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> brokenFilesAreRejectedByBothWithAPosition() throws Exception {
    Hcl2Json.require();
    Map<String, String> files = corpus(BROKEN, false);
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(files);
    System.out.println("HCL differential corpus: " + files.size() + " broken files");
    return files.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      assertThat(theirs.get(e.getKey()).error()).as("hcl2json accepts " + e.getKey()).isNotNull();
      try {
        JsonNode tree = HclReader.parse(e.getKey(), e.getValue());
        fail("our reader accepted " + e.getKey() + " as " + tree);
      } catch (HclSyntaxException ex) {
        assertThat(ex.getMessage()).startsWith(e.getKey() + ":" + ex.line() + ":" + ex.column() + ": ");
        assertThat(ex.line()).isBetween(1, (int) e.getValue().lines().count() + 1);
        assertThat(ex.reason()).isNotBlank();
      }
    }));
  }

  @Test
  void bothCorporaAreThere() throws IOException {
    assertThat(corpus(VALID, false)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(corpus(BROKEN, false)).hasSizeGreaterThanOrEqualTo(40);
  }

  /** The positions we report are hclsyntax's on most files; this pins the ones that agree. */
  @Test
  void errorPositionsMatchHcl2JsonOnMostFiles() throws Exception {
    Hcl2Json.require();
    Map<String, String> files = corpus(BROKEN, false);
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(files);
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      String error = theirs.get(e.getKey()).error();
      try {
        HclReader.parse(e.getKey(), e.getValue());
      } catch (HclSyntaxException ex) {
        if (!error.contains(e.getKey() + ":" + ex.line() + "," + ex.column() + "-")) {
          differ.add(e.getKey());
        }
      }
    }
    System.out.println("HCL error positions differing from hcl2json: " + differ.size() + "/" + files.size() + " " + differ);
    assertThat(differ.size()).isLessThanOrEqualTo(files.size() / 5);
  }
}
