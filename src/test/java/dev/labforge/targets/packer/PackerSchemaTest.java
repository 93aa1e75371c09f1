package dev.labforge.targets.packer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The template schema passes what labforge writes and catches what a builder would miss. */
class PackerSchemaTest {
  private static JsonNode template() throws Exception {
    List<RenderedFile> files = Specs.render(Path.of("src/test/resources/specs/packer-installers.yaml"));
    return Trees.read(Trees.file(files, "packer/debian-12-iso.pkr.hcl").orElseThrow());
  }

  private static List<SchemaValidator.Problem> after(Consumer<JsonNode> change) throws Exception {
    JsonNode t = template();
    change.accept(t);
    return SchemaValidator.validate(PackerTarget.SCHEMA, t);
  }

  private static ObjectNode source(JsonNode t, String builder) {
    return (ObjectNode) t.get("source").get(builder).get("debian-12-iso").get(0);
  }

  @Test
  void whatLabforgeWritesPasses() throws Exception {
    assertThat(SchemaValidator.validate(PackerTarget.SCHEMA, template())).isEmpty();
  }

  @Test
  void requiredBuilderSettingsAreRequired() throws Exception {
    assertThat(after(t -> source(t, "qemu").remove("iso_url"))).isNotEmpty();
    assertThat(after(t -> source(t, "lxd").remove("image"))).isNotEmpty();
    assertThat(after(t -> source(t, "virtualbox-iso").remove("boot_command"))).isNotEmpty();
    assertThat(after(t -> source(t, "vmware-iso").remove("ssh_username"))).isNotEmpty();
    assertThat(after(t -> ((ObjectNode) t).remove("packer"))).isNotEmpty();
  }

  @Test
  void unknownAttributesAndWrongValuesAreRejected() throws Exception {
    assertThat(after(t -> source(t, "qemu").put("no_such_option", 1))).isNotEmpty();
    assertThat(after(t -> source(t, "qemu").put("cd_label", "CIDATA2"))).isNotEmpty();
    assertThat(after(t -> source(t, "vmware-iso").with("vmx_data").put("vhv.enable", "FALSE"))).isNotEmpty();
    assertThat(after(t -> source(t, "qemu").put("http_directory", "relative/http"))).isNotEmpty();
  }

  @Test
  void everySchemaPropertyHasADescription() throws Exception {
    for (String name : List.of("template", "seed-user-data", "seed-meta-data", "autoinstall-user-data")) {
      JsonNode schema = SchemaValidator.raw("schemas/packer/" + name + ".schema.json");
      assertDescribed(schema, name);
    }
  }

  private static void assertDescribed(JsonNode node, String where) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null) {
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          assertThat(props.get(key).has("description")).as(where + "/" + key).isTrue();
        }
      }
      node.fields().forEachRemaining(e -> assertDescribed(e.getValue(), where + "/" + e.getKey()));
    } else if (node.isArray()) {
      node.forEach(n -> assertDescribed(n, where));
    }
  }
}
