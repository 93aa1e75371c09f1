package dev.labforge.hcl;

import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.render.Escape;
import dev.labforge.testing.Hcl2Json;
import dev.labforge.testing.HclTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every string written through {@link Escape#hcl} reads back exactly, as HashiCorp's parser reads it:
 * byte-exact up to the Unicode NFC normalization HCL applies to literal text.
 */
class HclReaderPropertyTest {

  /** Code points that stress HCL literals: quotes, escapes, template openers, controls, non-ASCII. */
  @Provide
  Arbitrary<String> hclStrings() {
    Arbitrary<Integer> special = Arbitraries.of((int) '"', (int) '\\', (int) '$', (int) '%', (int) '{', (int) '}',
        (int) '~', (int) '\n', (int) '\r', (int) '\t', 0, 0x7f, 0x85, 0xa0, 0x2028, 0xfeff, (int) ' ', (int) '#',
        (int) 'e', 0x301);
    Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7e);
    Arbitrary<Integer> control = Arbitraries.integers().between(0, 0x1f);
    Arbitrary<Integer> bmp = Arbitraries.integers().between(0xa0, 0xd7ff);
    Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10ffff);
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, special), net.jqwik.api.Tuple.of(5, ascii), net.jqwik.api.Tuple.of(1, control),
        net.jqwik.api.Tuple.of(2, bmp), net.jqwik.api.Tuple.of(1, astral));
    return codePoint.list().ofMaxSize(30).map(HclTrees::withoutGoComposeBug);
  }

  @Property(tries = 2000)
  void escapedStringsReadBackByteExact(@ForAll("hclStrings") String s) throws Exception {
    String text = "a = " + Escape.hcl(s) + "\nb " + Escape.hcl(s) + " {\n  c = [" + Escape.hcl(s) + "]\n}\n";
    var tree = HclReader.parse("p.hcl", text);
    // literal text comes out in Unicode NFC, as hcl2json (through cty) gives it; a label does not
    String nfc = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    assertThat(HclTrees.literal(tree.get("a").asText())).isEqualTo(nfc);
    // a block label is a key as written, with nothing doubled
    assertThat(HclTrees.literal(tree.get("b").get(s).get(0).get("c").get(0).asText())).isEqualTo(nfc);
  }

  @Property(tries = 3)
  @NeedsTools(hcl2json = true)
  void escapedStringsReadAsHcl2JsonReadsThem(@ForAll @Size(200) List<@net.jqwik.api.From("hclStrings") String> batch)
      throws Exception {
    Hcl2Json.require();
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      files.put("s" + i + ".hcl", "v = " + Escape.hcl(batch.get(i)) + "\nw = \"x${y}\" \nb " + Escape.hcl(batch.get(i)) + " {}\n");
    }
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(files);
    for (Map.Entry<String, String> e : files.entrySet()) {
      Hcl2Json.Result want = theirs.get(e.getKey());
      assertThat(want.error()).as("hcl2json on " + e.getValue()).isNull();
      var ours = HclReader.parse(e.getKey(), e.getValue());
      assertThat(HclTrees.same(ours, want.tree()))
          .as("ours vs hcl2json on " + e.getValue() + "\n ours:     " + ours + "\n hcl2json: " + want.tree()).isTrue();
    }
  }
}
