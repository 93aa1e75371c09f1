package dev.labforge.schema;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.spec.Sizes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec that leaves keys out gets the spec schema's default keywords, read from the file itself. */
class SpecDefaultsTest {
  @Test
  void aKeyLeftOutTakesTheSchemasDefault() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/lab-spec.schema.json").toFile());
    String yaml = """
        version: 1
        name: t
        images:
          deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", format: qcow2}}
        networks:
          - {name: lan, cidr: 192.168.10.0/24}
        machines:
          - name: a
            image: deb
            users: [{name: lab}]
            disks: [{name: data, size: 2GiB}]
            files: [{path: /etc/motd, content: hi}]
        """;
    Lab lab = Rendered.load(new SpecInput("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));
    Machine m = lab.machines().get(0);
    Image image = lab.images().get(0);

    assertThat(lab.description()).isEqualTo(at(schema, "/properties/description").asText());
    assertThat(m.description()).isEqualTo(machine(schema, "description").asText());
    assertThat(m.cpus()).isEqualTo(machine(schema, "cpus").asInt());
    assertThat(m.memoryMib()).isEqualTo(machine(schema, "memory").asLong());
    assertThat(m.diskMib()).isEqualTo(Sizes.mib(machine(schema, "disk")).orElseThrow());
    assertThat(m.nestedVirtualization()).isEqualTo(machine(schema, "nested_virtualization").asBoolean());
    assertThat(m.forwarding()).isEqualTo(machine(schema, "forwarding").asBoolean());
    assertThat(m.timezone()).isEqualTo(machine(schema, "timezone").asText());
    assertThat(image.sourceChecksum()).isEqualTo(at(schema, "/$defs/image/properties/source/properties/checksum").asText());
    assertThat(image.builders()).isEqualTo(strings(at(schema, "/$defs/image/properties/builders")));
    assertThat(m.disks().get(0).fs()).isEqualTo(at(schema, "/$defs/disk/properties/fs").asText());
    assertThat(m.files().get(0).permissions()).isEqualTo(at(schema, "/$defs/file/properties/permissions").asText());
    assertThat(m.files().get(0).owner()).isEqualTo(at(schema, "/$defs/file/properties/owner").asText());
    assertThat(m.users().get(0).sudo()).isEqualTo(at(schema, "/$defs/user/properties/sudo").asBoolean());
    assertThat(m.users().get(0).shell()).isEqualTo(at(schema, "/$defs/user/properties/shell").asText());
    // a machine made in code starts from the same values
    Machine built = Machine.builder().name("b").image("deb").build();
    assertThat(List.of(built.cpus(), built.memoryMib(), built.diskMib(), built.timezone(), built.description()))
        .isEqualTo(List.of(m.cpus(), m.memoryMib(), m.diskMib(), m.timezone(), m.description()));
  }

  private static JsonNode machine(JsonNode schema, String key) {
    return at(schema, "/$defs/machine/properties/" + key);
  }

  private static JsonNode at(JsonNode schema, String property) {
    JsonNode value = schema.at(property + "/default");
    assertThat(value.isMissingNode()).as("a default at %s", property).isFalse();
    return value;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(item -> out.add(item.asText()));
    return out;
  }
}
