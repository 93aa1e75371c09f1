package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.schema.SchemaValidator;
import dev.labforge.cli.Main;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderException;
import dev.labforge.targets.Targets;
import dev.labforge.targets.vagrant.VagrantView.MachineView;
import dev.labforge.targets.vagrant.VagrantView.NetworkView;
import dev.labforge.testing.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model: what it decides per provider, and that its schema check has teeth. */
class VagrantViewTest {
  private static final Path EDGES = Path.of("src/test/resources/specs/vagrant-edges.yaml");

  @Test
  void everySpecViewPassesItsSchema() {
    for (Path spec : Specs.all()) {
      JsonNode json = ViewValidation.toJson(view(Specs.lab(spec)));
      assertThat(SchemaValidator.validate(ViewValidation.SCHEMA, json)).as(spec.toString()).isEmpty();
    }
  }

  @Test
  void aBrokenViewIsARenderError() {
    VagrantView view = view(Specs.lab(EDGES));
    MachineView m = view.machines().get(0);
    NetworkView n = m.networks().get(0);
    NetworkView colons = new NetworkView(n.comment(), n.type(), n.dhcp(), n.ip(), n.netmask(), n.libvirtNetworkName(),
        n.libvirtDhcpEnabled(), n.libvirtForwardMode(), n.libvirtNetworkAddress(), n.libvirtMac(), n.libvirtMac(),
        n.virtualboxDhcpHost(), n.libvirtHostIp(), n.virtualboxIntnet());
    MachineView broken = new MachineView(m.name(), m.primary(), m.comment(), m.box(), m.guest(), m.hostname(), List.of(colons),
        m.libvirt(), m.virtualbox(), m.vmware(), m.steps());
    VagrantView bad = new VagrantView(view.specFile(), view.lab(), view.labComment(), view.providers(),
        view.syncedFolder(), view.experimentalDisks(), view.routing(), List.of(broken));
    assertThatThrownBy(() -> ViewValidation.check(bad, "templates/vagrant/Vagrantfile.ftl"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("/machines/0/networks/0/virtualboxMac");
  }

  /** Checked machine by machine (a big lab's view is never one tree), a broken machine anywhere is found where it is. */
  @Test
  void machineByMachineFindsWhatTheWholeViewFinds() {
    VagrantView view = view(Specs.lab(EDGES));
    assertThat(view.machines()).hasSizeGreaterThan(2);
    for (int at = 0; at < view.machines().size(); at++) {
      MachineView m = view.machines().get(at);
      MachineView broken = new MachineView(m.name(), m.primary(), m.comment(), "", m.guest(), m.hostname(),
          m.networks(), m.libvirt(), m.virtualbox(), m.vmware(), m.steps());
      List<MachineView> machines = new ArrayList<>(view.machines());
      machines.set(at, broken);
      VagrantView bad = new VagrantView(view.specFile(), view.lab(), view.labComment(), view.providers(),
          view.syncedFolder(), view.experimentalDisks(), view.routing(), machines);
      List<SchemaValidator.Problem> whole = SchemaValidator.validate(ViewValidation.SCHEMA, ViewValidation.toJson(bad));
      assertThat(whole).isNotEmpty();
      String where = "/machines/" + at + "/";
      assertThat(ViewValidation.problems(bad)).as("machine " + at).containsExactlyElementsOf(whole)
          .allSatisfy(p -> assertThat(p.pointer()).startsWith(where));
    }
    assertThat(ViewValidation.problems(view)).isEmpty();
  }

  @Test
  void providersNetworksAndDisksFollowTheSpec() throws Exception {
    Lab lab = Specs.lab(EDGES);
    VagrantView view = view(lab);
    assertThat(view.providers()).containsExactly("virtualbox", "libvirt");
    assertThat(view.syncedFolder()).isTrue();
    assertThat(view.experimentalDisks()).isTrue();
    assertThat(view.machines()).extracting(MachineView::primary).containsExactly(true, false, false);
    MachineView store = view.machines().get(0);
    assertThat(store.vmware()).isNull();
    NetworkView dhcp = store.networks().get(0);
    assertThat(dhcp.dhcp()).isTrue();
    assertThat(dhcp.ip()).isNull();
    assertThat(dhcp.libvirtNetworkAddress()).isEqualTo("10.20.0.0");
    assertThat(dhcp.libvirtDhcpEnabled()).isTrue();
    assertThat(dhcp.virtualboxDhcpHost()).isEqualTo("10.20.0.1");
    NetworkView nat = store.networks().get(1);
    assertThat(nat.libvirtForwardMode()).isEqualTo("nat");
    assertThat(nat.virtualboxMac()).isEqualTo(lab.machines().get(0).nics().get(1).mac().replace(":", ""));
    NetworkView bridged = view.machines().get(1).networks().get(0);
    assertThat(bridged.type()).isEqualTo("public_network");
    assertThat(bridged.libvirtNetworkName()).isNull();
    assertThat(store.libvirt().disks()).extracting(VagrantView.DiskView::device).containsExactly("vdb", "vdc");
    // 1536 MiB rounds up to whole GiB: providers take whole units.
    assertThat(store.libvirt().disks().get(0).libvirtSize()).isEqualTo("2G");
    // The lab description has a newline: the view holds it raw, the template's header comment does not.
    assertThat(view.labComment()).contains("a\nsecond line");
    assertThat(VagrantTarget.text(lab, new dev.labforge.render.TemplateRenderer()))
        .contains("# Lab vagrant-edges: Edge cases for the Vagrantfile: 'quotes', #{ruby}, ${hcl} and a second line\n");
  }

  @Test
  void noVagrantDisksFlagWithoutVirtualboxOrVmware() throws Exception {
    String spec = Files.readString(EDGES).replace("providers: [virtualbox, libvirt]", "providers: [libvirt]");
    Path dir = Files.createTempDirectory("labforge-edges-");
    Files.createDirectories(dir.resolve("scripts"));
    Files.copy(EDGES.resolveSibling("scripts/hello.sh"), dir.resolve("scripts/hello.sh"));
    Files.writeString(dir.resolve("libvirt-only.yaml"), spec);
    VagrantView view = view(Specs.lab(dir.resolve("libvirt-only.yaml")));
    assertThat(view.experimentalDisks()).isFalse();
    assertThat(view.machines().get(0).virtualbox()).isNull();
    assertThat(view.machines().get(0).networks().get(0).virtualboxMac()).isNull();
  }

  @Test
  void everySchemaPropertyIsDescribed() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/vagrant/vagrantfile.schema.json").toFile());
    List<String> missing = new ArrayList<>();
    undescribed(schema, "", missing);
    assertThat(missing).isEmpty();
  }

  @Test
  void targetTemplateSchemaAndGoldenExist() {
    assertThat(Targets.byId("vagrant")).containsInstanceOf(VagrantTarget.class);
    assertThat(VagrantTarget.class.getClassLoader().getResource("templates/" + VagrantTarget.TEMPLATE)).isNotNull();
    assertThat(VagrantTarget.class.getClassLoader().getResource(ViewValidation.SCHEMA)).isNotNull();
    assertThat(Path.of("src/test/resources/golden/lpic3-353/vagrant/Vagrantfile")).isRegularFile();
  }

  @Test
  void schemaCommandPrintsIt() {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "schema", "vagrant/vagrantfile");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("labforge Vagrantfile view model");
  }

  private static void undescribed(JsonNode node, String at, List<String> missing) {
    if (node.isObject()) {
      node.path("properties").properties().forEach(e -> {
        if (!e.getValue().has("description")) {
          missing.add(at + "/properties/" + e.getKey());
        }
      });
      node.properties().forEach(e -> undescribed(e.getValue(), at + "/" + e.getKey(), missing));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribed(node.get(i), at + "/" + i, missing);
      }
    }
  }

  /** Vagrant machines get the same /etc/hosts as their cloud-init seed, as a file step after the time zone. */
  @Test
  void theHostsStepWritesTheSeedsEtcHosts() throws Exception {
    dev.labforge.render.TemplateRenderer templates = new dev.labforge.render.TemplateRenderer();
    for (Path spec : Specs.all()) {
      Lab lab = Specs.lab(spec);
      VagrantView view = view(lab);
      for (int i = 0; i < lab.machines().size(); i++) {
        dev.labforge.model.Machine m = lab.machines().get(i);
        String expected = dev.labforge.targets.cloudinit.CloudInitTarget.etcHosts(lab, m, templates);
        List<VagrantView.StepView> hosts = view.machines().get(i).steps().stream()
            .filter(st -> st.name().equals("hosts: /etc/hosts")).toList();
        if (expected == null) {
          assertThat(hosts).as("%s %s writes /etc/hosts itself", spec, m.name()).isEmpty();
          continue;
        }
        assertThat(view.machines().get(i).steps().get(1).name()).as("%s %s", spec, m.name())
            .isEqualTo("hosts: /etc/hosts");
        assertThat(hosts.get(0).args()).extracting(VagrantView.ArgView::key)
            .containsExactly("path", "content", "mode", "owner");
        assertThat(hosts.get(0).args().get(1).values()).containsExactly(expected);
        assertThat(expected).contains(m.fqdn());
      }
    }
  }

  /** The view as the target builds it (the /etc/hosts text comes from the real templates). */
  private static VagrantView view(Lab lab) {
    try {
      return VagrantViews.of(lab, new dev.labforge.render.TemplateRenderer());
    } catch (RenderException e) {
      throw new AssertionError(e);
    }
  }
}
