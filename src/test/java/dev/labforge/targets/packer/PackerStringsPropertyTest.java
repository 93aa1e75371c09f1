package dev.labforge.targets.packer;

import dev.labforge.testing.Rendered;
import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.hcl.HclReader;
import dev.labforge.render.Escape;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.Hcl2Json;
import dev.labforge.testing.HclTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Spec strings (image commands, guest file content) reach Packer byte for byte (commands in the
 * Unicode NFC that HCL gives every string): read back from the rendered template with our reader,
 * and, in batches, exactly as HashiCorp's parser reads it.
 */
class PackerStringsPropertyTest {

  @Provide
  Arbitrary<String> nasty() {
    Arbitrary<Integer> special = Arbitraries.of((int) '"', (int) '\\', (int) '$', (int) '%', (int) '{', (int) '}',
        (int) '~', (int) '\n', (int) '\r', (int) '\t', 0x7f, 0x85, 0x2028, (int) '#', (int) '\'', (int) '`',
        (int) 'e', 0x301, 0x1100, 0x1161);
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, special), net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 0x1f)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoint.list().ofMinSize(1).ofMaxSize(24).map(HclTrees::withoutGoComposeBug);
  }

  static List<RenderedFile> render(List<String> commands, String content) throws Exception {
    StringBuilder json = new StringBuilder("{\"version\": 1, \"name\": \"prop\", \"images\": {\"img\": {")
        .append("\"os\": \"debian\", \"release\": \"12\", \"source\": {\"url\": \"https://example.org/x.qcow2\",")
        .append(" \"format\": \"qcow2\"}, \"builders\": [\"qemu\", \"lxd\"], \"commands\": [");
    for (int i = 0; i < commands.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(Escape.json(commands.get(i)));
    }
    json.append("], \"files\": [{\"path\": \"/etc/prop\", \"content\": ").append(Escape.json(content)).append("}]}},")
        .append(" \"networks\": [{\"name\": \"n\", \"cidr\": \"10.9.0.0/24\"}],")
        .append(" \"machines\": [{\"name\": \"m\", \"image\": \"img\"}]}");
    SpecInput input = new SpecInput("prop.json", json.toString().getBytes(StandardCharsets.UTF_8), Path.of("."));
    Lab lab = Rendered.load(input);
    return Rendered.of(new PackerTarget(), lab, new TemplateRenderer());
  }

  @Property(tries = 300)
  void commandsAndFileContentSurviveByteExact(@ForAll @Size(min = 1, max = 4) List<@From("nasty") String> commands,
      @ForAll("nasty") String content) throws Exception {
    List<RenderedFile> files = render(commands, content);
    RenderedFile template = Trees.file(files, "packer/img.pkr.hcl").orElseThrow();
    JsonNode tree = HclReader.parse(template.path(), template.text());
    assertThat(Trees.shells(tree).get(0).has("inline")).isFalse();
    // commands travel in an uploaded script, byte for byte (no HCL, so no NFC either)
    String script = Trees.file(files, "packer/img/provision/commands.sh").orElseThrow().text();
    assertThat(script).endsWith("\n" + String.join("\n", commands) + "\n");
    assertThat(Trees.file(files, "packer/img/files/01-prop").orElseThrow().content())
        .isEqualTo(content.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 2)
  @NeedsTools(hcl2json = true)
  void templatesReadAsHashiCorpsParserReadsThem(@ForAll @Size(40) List<@From("nasty") String> batch) throws Exception {
    Hcl2Json.require();
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      RenderedFile template = Trees.file(render(List.of(batch.get(i)), batch.get(i)), "packer/img.pkr.hcl")
          .orElseThrow();
      texts.put("t" + i + ".pkr.hcl", template.text());
    }
    Map<String, Hcl2Json.Result> theirs = Hcl2Json.parse(texts);
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Hcl2Json.Result want = theirs.get(e.getKey());
      assertThat(want.error()).as(e.getValue()).isNull();
      if (!HclTrees.same(HclReader.parse(e.getKey(), e.getValue()), want.tree())) {
        differ.add(e.getKey());
      }
    }
    assertThat(differ).isEmpty();
  }
}
