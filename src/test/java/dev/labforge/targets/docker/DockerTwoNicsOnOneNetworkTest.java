package dev.labforge.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Lab;
import dev.labforge.model.Warning;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid spec Docker cannot run as written: a machine with two NICs on one network. compose.yaml
 * attaches the first (it was a duplicate key, an internal error, before) and a located warning says
 * which NIC is left out.
 */
class DockerTwoNicsOnOneNetworkTest {
  @Test
  void theSecondNicIsLeftOutWithAWarning(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("two.yaml"), """
        version: 1
        name: two
        images: {deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", format: qcow2}}}
        networks: [{name: lan, cidr: 10.1.0.0/24}, {name: wan, cidr: 10.2.0.0/24}]
        machines:
          - name: a
            image: deb
            nics: [{network: lan, ip: 10.1.0.10}, {network: wan, ip: 10.2.0.10}, {network: lan, ip: 10.1.0.11}]
        """);
    Lab lab = Specs.lab(spec);
    assertThat(new DockerTarget().warnings(lab)).containsExactly(new Warning("/machines",
        "machine 'a' has more than one NIC on network 'lan': Docker attaches a container to a network once,"
            + " so docker/compose.yaml leaves out eth2 (10.1.0.11), and the in-guest checks that look for it fail"));
    String compose = Specs.render(spec).stream().filter(f -> f.path().equals("docker/compose.yaml"))
        .map(RenderedFile::text).findFirst().orElseThrow();
    JsonNode networks = new ObjectMapper(new YAMLFactory()).readTree(compose).path("services").path("a").path("networks");
    assertThat(networks.path("lan").path("ipv4_address").asText()).isEqualTo("10.1.0.10");
    assertThat(networks.path("wan").path("ipv4_address").asText()).isEqualTo("10.2.0.10");
    assertThat(networks.size()).isEqualTo(2);
  }
}
