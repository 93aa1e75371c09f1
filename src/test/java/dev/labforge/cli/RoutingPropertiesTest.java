package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Over generated routing plans (three networks, forwarding machines on any of them owning
 * gateways or not, routes to lab networks, outside networks and supernets, through any address),
 * the routing rules never fail inside: validate answers 0 or 1, every error is located, and the
 * same spec gives the same answer.
 */
class RoutingPropertiesTest {
  private static final List<String> TO = List.of("10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.9.0.0/24",
      "10.0.0.0/8", "172.16.0.0/12");
  private static final List<String> HOSTS = List.of("1", "5", "6", "7");

  @Provide
  Arbitrary<String> specs() {
    Arbitrary<String> route = Arbitraries.of(TO).flatMap(to -> Arbitraries.of(HOSTS)
        .map(h -> "{to: " + to + ", via: 10.N.0." + h + "}"));
    Arbitrary<String> network = route.list().ofMaxSize(3).map(rs -> String.join(", ", rs));
    Arbitrary<String> nic = Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.of(HOSTS)
        .map(h -> "{network: lan" + n + ", ip: 10." + n + ".0." + h + "}"));
    Arbitrary<String> machine = nic.list().ofMinSize(1).ofMaxSize(3).uniqueElements(s -> s.substring(0, 18))
        .flatMap(nics -> Arbitraries.of(true, false).map(f -> "{forwarding: " + f + ", nics: [" + String.join(", ", nics) + "]}"));
    return network.list().ofSize(3).flatMap(nets -> machine.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
      StringBuilder s = new StringBuilder("""
          version: 1
          name: routes
          images:
            deb: {os: debian, release: "12", source: {url: "https://example.org/d.qcow2", checksum: none, format: qcow2}}
          defaults: {image: deb, users: [{name: lab, password: lab}]}
          networks:
          """);
      for (int n = 1; n <= 3; n++) {
        s.append("  - {name: lan").append(n).append(", cidr: 10.").append(n).append(".0.0/24, routes: [")
            .append(nets.get(n - 1).replace("10.N.", "10." + n + ".")).append("]}\n");
      }
      s.append("machines:\n");
      for (int m = 0; m < ms.size(); m++) {
        s.append("  - {name: m").append(m).append(", ").append(ms.get(m).substring(1)).append('\n');
      }
      return s.toString();
    }));
  }

  @Property(tries = 150)
  void theRoutingRulesAlwaysAnswer(@ForAll("specs") String spec) throws Exception {
    Path file = Files.createTempFile("routes", ".yaml");
    try {
      Files.writeString(file, spec, StandardCharsets.UTF_8);
      Cli.Result r = Cli.run("validate", file.toString());
      assertThat(r.code()).as("%s%s", spec, r.err()).isIn(0, 1);
      assertThat(r.err()).as(spec).doesNotContain("Exception").doesNotContain("internal error");
      if (r.code() == 1) {
        assertThat(r.err()).as(spec).contains(file + ":");
      }
      assertThat(Cli.run("validate", file.toString())).isEqualTo(r);
      Statistics.collect(r.code() == 0 ? "valid" : r.err().contains("go round in a loop") ? "loop"
          : r.err().contains("nobody can reach") ? "unreachable" : r.err().contains("routed two ways") ? "two ways"
          : "other error");
    } finally {
      Files.delete(file);
    }
  }
}
