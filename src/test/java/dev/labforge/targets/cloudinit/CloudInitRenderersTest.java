package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Route;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every machine's network-config and network_data.json, rendered by cloud-init's own renderers
 * (src/test/resources/cloud-init/renderers.py): each renderer sets the default route and every
 * static route of the model. For eni (ifupdown, Debian 12) they must be set with iproute2, as
 * Debian's images have no net-tools for the {@code route add} lines cloud-init 22.4 writes there.
 */
class CloudInitRenderersTest {
  static final Path SCRIPT = Path.of("src/test/resources/cloud-init/renderers.py");
  static final Path ROUTES_LAB = Path.of("src/test/resources/cloud-init/routes-lab.yaml");
  static final List<String> RENDERERS = List.of("eni", "netplan", "sysconfig", "network_manager", "networkd");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyRendererSetsEveryRoute() {
    List<Path> specs = new ArrayList<>(Specs.examples());
    specs.add(ROUTES_LAB);
    return specs.stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require(SeedCheckScript.PYTHON, "cloud-init");
      Lab lab = Specs.lab(spec);
      JsonNode report = render(Specs.generate(spec, Files.createTempDirectory("labforge-renderers")));
      SoftAssertions soft = new SoftAssertions();
      for (Machine m : lab.machines()) {
        List<String> expected = expectedRoutes(m);
        boolean ifupdown = lab.image(m.image()).os().equals("debian");
        for (String source : List.of("nocloud", "configdrive")) {
          JsonNode bySource = report.path(m.name()).path(source);
          for (String renderer : RENDERERS) {
            JsonNode r = bySource.path(renderer);
            String what = m.name() + " " + source + " " + renderer;
            soft.assertThat(r.path("error").asText()).as(what + " error").isEmpty();
            List<String> set = strings(r.path("ip"));
            if (renderer.equals("eni") && !ifupdown) {
              // Not a Debian image: cloud-init renders there with netplan or NetworkManager.
              soft.assertThat(set).as(what + " (gateway only)").isEqualTo(defaultRoutes(m));
            } else {
              soft.assertThat(set).as(what + " routes set with ip").isEqualTo(expected);
            }
          }
        }
      }
      soft.assertAll();
    }));
  }

  /** The default route on the NIC that carries it, then every NIC's routes, as renderers.py writes them. */
  static List<String> expectedRoutes(Machine m) {
    TreeSet<String> routes = new TreeSet<>(defaultRoutes(m));
    for (Nic n : m.nics()) {
      for (Route r : n.routes()) {
        routes.add(r.to() + " via " + r.via() + " dev " + n.ifname());
      }
    }
    return List.copyOf(routes);
  }

  static List<String> defaultRoutes(Machine m) {
    return m.nics().stream().filter(n -> n.defaultRoute() && !n.dhcp())
        .map(n -> "0.0.0.0/0 via " + n.gateway() + " dev " + n.ifname()).sorted().toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.stream().sorted().toList();
  }

  private static JsonNode render(Path labDir) throws Exception {
    Tools.Run run = Tools.system().run(labDir, Map.of("LC_ALL", "C.UTF-8"), 300, SeedCheckScript.PYTHON, "-I",
        SCRIPT.toAbsolutePath().toString(), labDir.toString());
    for (String line : run.output().split("\n")) {
      if (line.startsWith("LABFORGE-JSON ")) {
        return JSON.readTree(line.substring("LABFORGE-JSON ".length()));
      }
    }
    throw new AssertionError("renderers.py gave no answer (exit " + run.exitCode() + "):\n" + run.output());
  }
}
