package dev.labforge.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker target's tool checks accept what gen writes and catch a file broken afterwards:
 * docker-compose 1.29 refuses a key the Compose Specification has since added (measured), the
 * Dockerfile rules a shell-form CMD.
 */
class DockerToolChecksTest {
  @Test
  void composeConfigAndDockerfileRulesPassGeneratedFilesAndCatchBrokenOnes(@TempDir Path tmp) throws Exception {
    RealTools.require("docker-compose");
    Path lab = Specs.generate(Path.of("examples/router.yaml"), tmp.resolve("out"));
    Tools tools = Tools.system();
    assertThat(new ComposeConfigCheck().run(lab, tools)).isEmpty();
    assertThat(new DockerfileRulesCheck().run(lab, tools)).isEmpty();

    Path compose = lab.resolve("docker/compose.yaml");
    Files.writeString(compose, Files.readString(compose).replace("    hostname: \"router\"\n",
        "    hostname: \"router\"\n    cgroup: private\n"));
    assertThat(new ComposeConfigCheck().run(lab, tools)).singleElement().asString()
        .startsWith("docker/compose.yaml: docker-compose config: exit 1\n")
        .contains("Unsupported config option for services.router: 'cgroup'");

    Path dockerfile = lab.resolve("docker/debian-12/Dockerfile");
    Files.writeString(dockerfile, Files.readString(dockerfile).replace("CMD [\"/sbin/init\"]", "CMD /sbin/init"));
    assertThat(new DockerfileRulesCheck().run(lab, tools))
        .containsExactly("docker/debian-12/Dockerfile: line 21: DL3025 CMD in shell form; use the JSON form");
  }
}
