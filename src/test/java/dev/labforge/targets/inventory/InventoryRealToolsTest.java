package dev.labforge.targets.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Every inventory file of every spec, handed to its real consumer: ssh resolves each host,
 * ansible-inventory lists each host with its variables and groups, Graphviz lays out the DOT
 * file, and the SVG is well-formed XML that rsvg-convert renders to a PNG.
 */
class InventoryRealToolsTest {
  @TempDir
  Path temp;

  private Stream<DynamicTest> each(Check check) {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      Path out = Files.createTempDirectory(temp, Specs.id(spec));
      Path lab = Specs.generate(spec, out);
      check.run(Specs.lab(spec), lab.resolve("inventory"));
    }));
  }

  interface Check {
    void run(Lab lab, Path inventory) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> sshResolvesEveryMachineToItsAddressAndUser() {
    return each((lab, dir) -> {
      RealTools.require("ssh");
      for (Machine m : lab.machines()) {
        Tools.Run run = Tools.system().run(dir, Map.of(), 30, "ssh", "-G", "-F", "ssh_config", m.name());
        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> options = new HashMap<>();
        run.output().lines().map(l -> l.split(" ", 2)).filter(p -> p.length == 2).forEach(p -> options.put(p[0], p[1]));
        HostReach.Way way = HostReach.of(lab).get(m.name());
        assertThat(options.get("hostname")).as("%s hostname", m.name()).isEqualTo(way.address());
        assertThat(options.get("proxyjump")).as("%s proxyjump", m.name()).isEqualTo(way.jump());
        assertThat(options.get("stricthostkeychecking")).isEqualTo("accept-new");
        String user = InventoryViews.loginUser(m);
        if (user != null) {
          assertThat(options.get("user")).as("%s user", m.name()).isEqualTo(user);
        }
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> ansibleInventoryListsEveryHostWithItsVariablesAndGroups() {
    return each((lab, dir) -> {
      RealTools.require("ansible-inventory");
      Path json = dir.resolveSibling("inventory.json");
      Map<String, String> env = Map.of("ANSIBLE_INVENTORY_ENABLED", "yaml", "ANSIBLE_INVENTORY_UNPARSED_FAILED",
          "true", "ANSIBLE_LOCAL_TEMP", temp.resolve("ansible-tmp").toString(), "ANSIBLE_HOME",
          temp.resolve("ansible-home").toString());
      Tools.Run run = Tools.system().run(dir, env, 120, "ansible-inventory", "-i", "ansible.yml", "--list",
          "--output", json.toString());
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).as("ansible-inventory warnings").doesNotContainIgnoringCase("warning");
      JsonNode root = new ObjectMapper().readTree(json.toFile());
      JsonNode hostvars = root.path("_meta").path("hostvars");
      List<String> names = new ArrayList<>();
      hostvars.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyInAnyOrderElementsOf(lab.machines().stream().map(Machine::name).toList());
      for (Machine m : lab.machines()) {
        JsonNode vars = hostvars.path(m.name());
        assertThat(vars.path("ansible_host").asText()).isEqualTo(HostReach.of(lab).get(m.name()).address());
        assertThat(vars.path("labforge_image").asText()).isEqualTo(m.image());
        JsonNode nics = vars.path("labforge_nics");
        assertThat(nics.size()).isEqualTo(m.nics().size());
        for (int i = 0; i < m.nics().size(); i++) {
          Nic n = m.nics().get(i);
          assertThat(nics.get(i).path("mac").asText()).isEqualTo(n.mac().toLowerCase(Locale.ROOT));
          assertThat(nics.get(i).path("network").asText()).isEqualTo(n.network());
          if (!n.dhcp()) {
            assertThat(nics.get(i).path("ip").asText()).isEqualTo(n.ip().toString());
          }
          String group = InventoryViews.group("net_", n.network());
          assertThat(root.path(group).path("hosts").toString()).as(group).contains("\"" + m.name() + "\"");
        }
        String image = InventoryViews.group("image_", m.image());
        assertThat(root.path(image).path("hosts").toString()).as(image).contains("\"" + m.name() + "\"");
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> graphvizLaysOutTheDotFile() {
    return each((lab, dir) -> {
      RealTools.require("dot");
      Tools.Run run = Tools.system().run(dir, Map.of(), 120, "dot", "-Tsvg", "topology.dot", "-o", "dot.svg");
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).as("dot warnings").isEmpty();
      Document svg = xml(dir.resolve("dot.svg"), true);
      String text = svg.getDocumentElement().getTextContent();
      lab.machines().forEach(m -> assertThat(text).contains(m.name()));
    });
  }

  @TestFactory
  Stream<DynamicTest> svgIsXmlAndRsvgRendersIt() {
    return each((lab, dir) -> {
      Document svg = xml(dir.resolve("topology.svg"));
      assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      for (Machine m : lab.machines()) {
        assertThat(svg.getElementById("machine-" + m.name()) != null
            || Files.readString(dir.resolve("topology.svg")).contains("id=\"machine-" + m.name() + "\"")).isTrue();
      }
      RealTools.require("rsvg-convert");
      Tools.Run run = Tools.system().run(dir, Map.of(), 120, "rsvg-convert", "topology.svg", "-o", "topology.png");
      assertThat(run.exitCode()).as(run.output()).isZero();
      byte[] png = Files.readAllBytes(dir.resolve("topology.png"));
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    });
  }

  static Document xml(Path file) throws Exception {
    return xml(file, false);
  }

  /** Graphviz writes a DOCTYPE; it is allowed there, but its DTD is never fetched. */
  static Document xml(Path file, boolean doctype) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !doctype);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }
}
