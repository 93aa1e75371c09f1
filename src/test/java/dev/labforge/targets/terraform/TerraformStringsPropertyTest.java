package dev.labforge.targets.terraform;

import dev.labforge.testing.Rendered;
import dev.labforge.testing.NeedsTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Image;
import dev.labforge.hcl.HclReader;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.TargetSettings;
import dev.labforge.model.User;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * User strings (Glance image names, flavor names, the external network, an SSH key's comment)
 * survive the trip into HCL and out of Terraform's own evaluation exactly, up to Unicode NFC: HCL
 * normalizes every string to NFC while parsing, which no escaping can prevent.
 */
class TerraformStringsPropertyTest {
  static final List<String> TRICKY = List.of("${var.x}", "%{ if true }", "$${", "%%{", "$$${x}", "\\", "\"",
      "\n", "\r\n", "\t", "~}", "#{ruby}", "é", "e\u0301", "😀", "\u0000", "\u001f", "\u007f", "\u2028", "$", "%");
  private final List<Path> temps = new ArrayList<>();

  @Property(tries = 6)
  @NeedsTools("terraform")
  void stringsReachTerraformExactly(@ForAll("names") List<String> names) throws Exception {
    RealTools.require("terraform");
    List<String> all = new ArrayList<>(TRICKY);
    all.addAll(names);
    Lab lab = labWith(all);
    List<RenderedFile> files = Rendered.of(new TerraformTarget(), lab, new TemplateRenderer());

    Path dir = Files.createTempDirectory("tf-strings");
    temps.add(dir);
    Files.write(dir.resolve("variables.tf"), file(files, "variables.tf").content());
    Files.writeString(dir.resolve("probe.tf"), String.join("\n",
        "output \"images\" { value = var.images }", "output \"flavors\" { value = var.flavors }",
        "output \"external_network\" { value = var.external_network }", ""));
    assertThat(TerraformToolsTest.terraform(dir, "init", "-input=false", "-no-color").ok()).isTrue();
    Tools.Run apply = TerraformToolsTest.terraform(dir, "apply", "-auto-approve", "-input=false", "-no-color");
    assertThat(apply.ok()).as(apply.output()).isTrue();
    Tools.Run out = TerraformToolsTest.terraform(dir, "output", "-json");
    JsonNode outputs = new ObjectMapper().readTree(out.output());

    Map<String, String> images = new LinkedHashMap<>();
    Map<String, String> flavors = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      images.put("img-" + i, nfc(all.get(i)));
      flavors.put("m-" + i, nfc(all.get(i)));
    }
    assertThat(strings(outputs.at("/images/value"))).isEqualTo(images);
    assertThat(strings(outputs.at("/flavors/value"))).isEqualTo(flavors);
    assertThat(outputs.at("/external_network/value").asText()).isEqualTo(nfc(String.join("|", all)));

    JsonNode main = HclReader.parse("main.tf", file(files, "main.tf").text());
    JsonNode key = main.at("/resource/openstack_compute_keypair_v2/lab/0/public_key");
    // Both sides in NFC: hcl2json normalizes like Terraform, our reader keeps the file's bytes.
    assertThat(nfc(TfConfig.literal(key))).isEqualTo(nfc(publicKey(all)));
  }

  @Provide
  Arbitrary<List<String>> names() {
    Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TRICKY),
        Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\ufffd').ofMaxLength(6));
    return token.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join("", parts)).list().ofMinSize(1).ofMaxSize(12);
  }

  @AfterProperty
  void cleanUp() throws Exception {
    for (Path dir : temps) {
      try (var walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One machine and one image per string: the string is the image's Glance name and the machine's flavor. */
  static Lab labWith(List<String> strings) {
    Lab base = Specs.lab(Specs.examples().get(0));
    Machine template = base.machines().get(0);
    Image image = base.image(template.image());
    List<Image> images = new ArrayList<>();
    List<Machine> machines = new ArrayList<>();
    Map<String, String> flavors = new LinkedHashMap<>();
    User user = new User("lab", true, List.of(publicKey(strings)), null, List.of(), "/bin/bash");
    for (int i = 0; i < strings.size(); i++) {
      images.add(new Image("img-" + i, image.os(), image.release(), image.sourceUrl(), image.sourceChecksum(),
          image.sourceFormat(), image.builders(), image.vagrantBox(), strings.get(i), image.packages(), image.commands()));
      Machine m = template;
      machines.add(m.toBuilder().name("m-" + i).index(i).image("img-" + i).users(List.of(user))
          .hostname("m-" + i).fqdn(null).build());
      flavors.put("m-" + i, strings.get(i));
    }
    TargetSettings t = base.targets();
    com.fasterxml.jackson.databind.node.ObjectNode tf = t.node("terraform").isObject()
        ? ((com.fasterxml.jackson.databind.node.ObjectNode) t.node("terraform")).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    tf.put("external_network", String.join("|", strings));
    com.fasterxml.jackson.databind.node.ObjectNode flavorNode = tf.putObject("flavors");
    flavors.forEach(flavorNode::put);
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.TreeMap<>(t.nodes());
    nodes.put("terraform", tf);
    TargetSettings settings = new TargetSettings(t.disabled(), nodes);
    return new Lab(base.name(), base.description(), base.specName(), images, base.networks(), machines, settings);
  }

  static String publicKey(List<String> strings) {
    String comment = strings.stream().map(s -> s.replace("\n", " ").replace("\r", " ")).collect(Collectors.joining(" "));
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMK8u9Fgcnomj8MdJekMGl7wkw+OsAdPx8pMUI3VTtsE " + comment;
  }

  private static RenderedFile file(List<RenderedFile> files, String name) {
    return files.stream().filter(f -> f.path().endsWith("/" + name)).findFirst().orElseThrow();
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
