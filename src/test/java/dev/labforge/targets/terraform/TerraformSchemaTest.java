package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every .tf file, as HashiCorp's parser reads it, passes the schema; the schema rejects what it must. */
class TerraformSchemaTest {
  static final String SCHEMA = TerraformTarget.SCHEMA;

  @TestFactory
  Stream<DynamicTest> everyFileOfEverySpecPasses() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      Map<String, JsonNode> files = Parsed.files(spec);
      assertThat(files.keySet()).containsExactlyInAnyOrder("terraform/openstack/versions.tf",
          "terraform/openstack/variables.tf", "terraform/openstack/main.tf", "terraform/openstack/outputs.tf");
      files.forEach((path, tree) -> assertThat(SchemaValidator.validate(SCHEMA, tree)).as(path).isEmpty());
    }));
  }

  @Test
  void rejectsUnknownArgumentsMissingRequiredOnesAndCredentials() throws Exception {
    Path spec = Specs.all().get(0);
    rejected(spec, "main.tf", t -> instance(t).put("flavour_name", "m1.small"), "flavour_name");
    rejected(spec, "main.tf", t -> ((ObjectNode) t.at("/resource/openstack_networking_port_v2/nic/0")).remove("network_id"),
        "network_id");
    rejected(spec, "main.tf", t -> instance(t).put("config_drive", "yes"), "config_drive");
    rejected(spec, "main.tf", t -> ((ObjectNode) t.at("/resource")).putObject("openstack_compute_floatingip_v2"),
        "openstack_compute_floatingip_v2");
    rejected(spec, "main.tf", t -> ((ObjectNode) t.at("/resource/openstack_networking_secgroup_rule_v2/ssh/0"))
        .put("direction", "inbound"), "direction");
    rejected(spec, "versions.tf", t -> ((ObjectNode) t.at("/provider/openstack/0")).put("password", "secret"),
        "password");
    rejected(spec, "variables.tf", t -> ((ObjectNode) t.at("/variable/cloud/0")).remove("description"),
        "description");
    rejected(spec, "versions.tf", t -> ((ObjectNode) t.at("/terraform/0/required_providers/0/openstack"))
        .put("version", "~> 2.1"), "version");
  }

  private static ObjectNode instance(JsonNode tree) {
    return (ObjectNode) tree.at("/resource/openstack_compute_instance_v2/machine/0");
  }

  private static void rejected(Path spec, String file, Consumer<JsonNode> breakIt, String culprit) throws Exception {
    JsonNode tree = Parsed.files(spec).get("terraform/openstack/" + file).deepCopy();
    assertThat(SchemaValidator.validate(SCHEMA, tree)).isEmpty();
    breakIt.accept(tree);
    List<SchemaValidator.Problem> problems = SchemaValidator.validate(SCHEMA, tree);
    assertThat(problems).as(culprit).isNotEmpty();
    assertThat(problems.toString()).contains(culprit);
  }
}
