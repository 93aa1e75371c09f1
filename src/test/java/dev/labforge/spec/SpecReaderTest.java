package dev.labforge.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
  static LocatedTree read(String name, String text) throws SpecSyntaxException {
    return SpecReader.read(name, text.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void yamlNodesKeepTheirLineAndColumnAndKeysTheirOwn() throws Exception {
    LocatedTree tree = read("a.yaml", "version: 1\nmachines:\n  - name: a\n    memory:   2GiB\n");
    assertThat(tree.valueAt("/machines/0/memory")).isEqualTo(new Position(4, 15));
    assertThat(tree.keyAt("/machines/0/memory")).isEqualTo(new Position(4, 5));
    assertThat(tree.valueAt("/machines/0/missing/deeper")).isEqualTo(new Position(3, 5));
  }

  @Test
  void jsonNodesKeepTheirLineAndColumn() throws Exception {
    LocatedTree tree = read("a.json", "{\"version\": 1,\n \"machines\": [{\"name\": \"a\"}]}\n");
    assertThat(tree.root().path("machines").get(0).path("name").asText()).isEqualTo("a");
    assertThat(tree.valueAt("/machines/0/name")).isEqualTo(new Position(2, 24));
    assertThat(tree.keyAt("/machines")).isEqualTo(new Position(2, 2));
  }

  @Test
  void yamlScalarsFollowYaml11AsCloudInitsPyyamlDoes() throws Exception {
    LocatedTree tree = read("a.yaml", "a: yes\nb: 0x10\nc: '0644'\nd: 1_000\ne: ~\nf: 2026-01-01\n");
    assertThat(tree.root().get("a").asBoolean()).isTrue();
    assertThat(tree.root().get("b").asInt()).isEqualTo(16);
    assertThat(tree.root().get("c").asText()).isEqualTo("0644");
    assertThat(tree.root().get("d").asInt()).isEqualTo(1000);
    assertThat(tree.root().get("e").isNull()).isTrue();
    assertThat(tree.root().get("f").asText()).isEqualTo("2026-01-01");
  }

  @Test
  void mergeKeysMergeWithExplicitKeysWinning() throws Exception {
    LocatedTree tree = read("a.yaml", "base: &b {cpus: 2, memory: 1GiB}\nm:\n  <<: *b\n  cpus: 4\n");
    assertThat(tree.root().get("m").get("cpus").asInt()).isEqualTo(4);
    assertThat(tree.root().get("m").get("memory").asText()).isEqualTo("1GiB");
    assertThat(tree.root().get("m").has("<<")).isFalse();
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing() {
    byte[] big = new byte[Limits.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> SpecReader.read("big.yaml", big, null))
        .isInstanceOf(SpecSyntaxException.class)
        .hasMessageContaining("big.yaml: error: the spec is larger than the limit of 4194304 bytes");
  }

  @Test
  void aByteOrderMarkIsTolerated() throws Exception {
    assertThat(read("a.yaml", "\uFEFFversion: 1\n").root().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aLoneSurrogateInAKeyIsRefusedWhereTheKeyStandsInYamlAndJson() {
    assertThatThrownBy(() -> read("a.yaml", "version: 1\nm:\n  \"k\\udfff\": 1\n"))
        .isInstanceOf(SpecSyntaxException.class)
        .hasMessageContaining("a.yaml:3:3: error: /m/k\\udfff: this key's character 2 is U+DFFF, a lone surrogate");
    assertThatThrownBy(() -> read("a.json", "{\"version\": 1,\n \"\\ud800\": 1}"))
        .isInstanceOf(SpecSyntaxException.class)
        .hasMessageContaining("a.json:2:2: error: /\\ud800: this key's character 1 is U+D800, a lone surrogate");
  }

  @Test
  void aPairWrittenAsTwoEscapesIsOneCharacter() throws Exception {
    assertThat(read("a.yaml", "d: \"\\ud83d\\ude00\"\n").root().get("d").asText()).isEqualTo("\ud83d\ude00");
  }
}
