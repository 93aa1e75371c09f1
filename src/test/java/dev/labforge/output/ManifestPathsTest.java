package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The previous manifest's paths, read as a stream (a big lab's is 17 MB), are what reading it as one
 * tree gives, for well-formed, odd and damaged manifests alike.
 */
class ManifestPathsTest {
  private static final JsonMapper JSON = new JsonMapper();

  // what the manifest's paths were before they were read as a stream
  private static Set<String> asTree(byte[] manifest) {
    Set<String> paths = new TreeSet<>();
    try {
      JsonNode root = JSON.readTree(manifest);
      root.path("files").forEach(f -> paths.add(f.path("path").asText()));
    } catch (java.io.IOException e) {
      paths.clear();
    }
    paths.add(Manifest.PATH);
    return paths;
  }

  @Property(tries = 500)
  void streamedPathsAreTheTreesPaths(@ForAll("manifests") String manifest, @ForAll("cuts") int cut) {
    byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
    assertThat(Manifest.paths(bytes)).isEqualTo(asTree(bytes));
    byte[] damaged = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, cut));
    assertThat(Manifest.paths(damaged)).isEqualTo(asTree(damaged));
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 400);
  }

  @Provide
  Arbitrary<String> manifests() {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab/é\"\\").ofMaxLength(6).map(ManifestPathsTest::quote),
        Arbitraries.of("12", "true", "null", "{}", "[]", "{\"path\":\"x\"}", "[\"y\"]"));
    Arbitrary<String> file = Arbitraries.oneOf(
        value.map(v -> "{\"path\":" + v + ",\"sha256\":\"00\",\"size\":1}"),
        value.map(v -> "{\"size\":2,\"path\":" + v + "}"),
        Arbitraries.of("{}", "null", "3", "\"z\"", "[{\"path\":\"nested\"}]"));
    Arbitrary<String> files = Arbitraries.oneOf(
        file.list().ofMaxSize(5).map(l -> "[" + String.join(",", l) + "]"),
        file.list().ofMaxSize(3).map(l -> {
          StringBuilder o = new StringBuilder("{");
          for (int i = 0; i < l.size(); i++) {
            o.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(l.get(i));
          }
          return o.append("}").toString();
        }),
        value);
    Arbitrary<String> field = Arbitraries.oneOf(
        files.map(f -> "\"files\":" + f),
        value.map(v -> "\"lab\":" + v),
        Arbitraries.of("\"spec\":{\"files\":[{\"path\":\"inner\"}]}", "\"other\":[[{\"path\":\"deep\"}]]"));
    return Arbitraries.oneOf(
        field.list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}"),
        Arbitraries.of("", "[]", "[{\"files\":[{\"path\":\"a\"}]}]", "\"text\"", "{\"files\":[{\"path\":\"a\"}]} trailing"));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Property(tries = 1)
  void aFileThatCannotBeReadIsAnErrorNotAnEmptyManifest() throws java.io.IOException {
    Path folder = Files.createTempDirectory("manifest");
    try {
      // a folder opens like a file on Linux and fails at its first read
      assertThatThrownBy(() -> Manifest.paths(folder)).isInstanceOf(java.io.IOException.class);
      Path damaged = Files.writeString(folder.resolve("manifest.json"), "{\"files\": [{\"path\": \"a\"}");
      assertThat(Manifest.paths(damaged)).containsExactly(Manifest.PATH);
      Files.delete(damaged);
    } finally {
      Files.delete(folder);
    }
  }

  @Property(tries = 1)
  void aWrittenManifestListsItsFiles() {
    byte[] manifest = Manifest.ofEntries("lab", "lab.yaml", new byte[0], List.of(
        new Manifest.Entry("b/x", "0".repeat(64), 1), new Manifest.Entry("a", "f".repeat(64), 2))).content();
    assertThat(Manifest.paths(manifest)).containsExactly("a", "b/x", Manifest.PATH);
  }
}
