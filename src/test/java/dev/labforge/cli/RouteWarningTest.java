package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route through a gateway no lab machine has is valid but leaves the lab: a located warning
 * (exit 0), never an error; through a router of the lab, no warning (examples/router.yaml).
 */
class RouteWarningTest {
  @TempDir
  Path tmp;

  @Test
  void aRouteThroughTheHostsGatewayIsAWarning() throws Exception {
    Path spec = tmp.resolve("lab.yaml");
    Files.writeString(spec, """
        version: 1
        name: hostroute
        images:
          deb:
            os: debian
            release: "12"
            source: {url: "https://example.org/d.qcow2", checksum: none, format: qcow2}
        defaults:
          users: [{name: lab, password: lab}]
        networks:
          - name: lan1
            cidr: 10.1.0.0/24
            routes:
              - {to: 172.16.0.0/16, via: 10.1.0.1}
        machines:
          - {name: a, image: deb}
        """, StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("validate", spec.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo(spec + ":14:29: warning: /networks/0/routes/0/via: 10.1.0.1 is the gateway of"
        + " 'lan1', which no lab machine has: the host or the cloud's router must route 172.16.0.0/16 itself"
        + " (labforge sets no route there); to route it in the lab, use a machine with forwarding: true\n"
        + "      - {to: 172.16.0.0/16, via: 10.1.0.1}\n"
        + " ".repeat(28) + "^\n"
        + "1 warning\n");
  }

  @Test
  void theRouterExampleHasNoWarning() {
    Cli.Result r = Cli.run("validate", "examples/router.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
