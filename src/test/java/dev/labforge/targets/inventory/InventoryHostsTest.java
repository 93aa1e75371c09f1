package dev.labforge.targets.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.model.Host;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The spec's hosts in the inventory and the pictures, read back from the files: which host runs which
 * machine (ansible.yml's labforge_host and host_ groups, the comment in hosts), the DOT clusters and the
 * SVG's host groups, against the model's placement.
 */
class InventoryHostsTest {
  static final Path SPEC = Path.of("examples/lxd-cluster.yaml");

  @Test
  void ansibleKnowsWhereEachMachineRuns() throws Exception {
    Lab lab = Specs.lab(SPEC);
    JsonNode all = new ObjectMapper(new YAMLFactory()).readTree(files().get("inventory/ansible.yml").text()).path("all");
    for (Machine m : lab.machines()) {
      JsonNode host = all.path("hosts").path(m.name()).path("labforge_host");
      assertThat(host.isMissingNode() ? null : host.asText()).as("%s's labforge_host", m.name()).isEqualTo(m.host());
    }
    for (Host h : lab.hosts()) {
      List<String> members = new ArrayList<>();
      all.path("children").path("host_" + h.name().replace('-', '_')).path("hosts").fieldNames().forEachRemaining(members::add);
      assertThat(members).as("group of %s", h.name()).containsExactlyElementsOf(names(lab.machinesOn(h.name())));
    }
  }

  @Test
  void hostsSaysWhereEachMachineRuns() {
    Lab lab = Specs.lab(SPEC);
    String hosts = files().get("inventory/hosts").text();
    for (Host h : lab.hosts()) {
      assertThat(hosts).contains("#   " + h.name() + " (" + h.address() + "): " + String.join(" ", names(lab.machinesOn(h.name()))) + "\n");
    }
    assertThat(hosts).contains("#   placed by the engine: tools\n");
  }

  @Test
  void thePicturesGroupMachinesByHost() throws Exception {
    Lab lab = Specs.lab(SPEC);
    Map<String, RenderedFile> files = files();
    Map<String, List<String>> dot = new LinkedHashMap<>();
    Matcher cluster = Pattern.compile("(?s)subgraph \"cluster_([a-z0-9-]+)\" \\{(.*?)\\n  }").matcher(files.get("inventory/topology.dot").text());
    while (cluster.find()) {
      Matcher node = Pattern.compile("(?m)^    \"([a-z0-9-]+)\" \\[").matcher(cluster.group(2));
      List<String> nodes = new ArrayList<>();
      while (node.find()) {
        nodes.add(node.group(1));
      }
      dot.put(cluster.group(1), nodes);
    }
    Map<String, List<String>> expected = new LinkedHashMap<>();
    lab.hosts().forEach(h -> expected.put(h.name(), names(lab.machinesOn(h.name()))));
    assertThat(dot).as("DOT clusters").isEqualTo(expected);

    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
        files.get("inventory/topology.svg").text().getBytes(StandardCharsets.UTF_8)));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    NodeList gs = svg.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (g.getAttribute("class").equals("host")) {
        List<String> machines = new ArrayList<>();
        NodeList inner = g.getElementsByTagNameNS("*", "g");
        for (int j = 0; j < inner.getLength(); j++) {
          machines.add(((Element) inner.item(j)).getAttribute("id").replaceFirst("^machine-", ""));
        }
        groups.put(g.getAttribute("id").replaceFirst("^host-", ""), machines);
      }
    }
    assertThat(groups).as("SVG host groups").isEqualTo(expected);
  }

  private static List<String> names(List<Machine> machines) {
    return machines.stream().map(Machine::name).toList();
  }

  private static Map<String, RenderedFile> files() {
    return Specs.render(SPEC).stream().collect(Collectors.toMap(RenderedFile::path, Function.identity()));
  }
}
