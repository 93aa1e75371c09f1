package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.HostNames;
import dev.labforge.model.Disk;
import dev.labforge.model.Forwarding;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.model.Script;
import dev.labforge.model.User;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every spec, the Vagrantfile as Vagrant would evaluate it (recorded by the Ruby fake) and
 * as the guest would decode it (real bash) holds exactly the model's facts: machines, boxes,
 * NICs with IPs and per-provider MACs, CPUs, memory, disks, users, files, packages, commands
 * and scripts, in the order the seed applies them.
 */
class VagrantAgreesWithModelTest {
  @TempDir
  Path work;

  @Test
  void everySpecAgrees() throws Exception {
    RealTools.require("ruby", "bash", "base64");
    List<Path> specs = Specs.all();
    List<String> texts = new ArrayList<>();
    for (Path spec : specs) {
      RenderedFile file = Specs.render(spec).stream().filter(f -> f.path().equals("vagrant/Vagrantfile"))
          .findFirst().orElseThrow();
      texts.add(file.text());
    }
    List<JsonNode> evaluated = FakeVagrant.evaluate(texts, work.resolve("eval"));
    for (int i = 0; i < specs.size(); i++) {
      Lab lab = Specs.lab(specs.get(i));
      assertLab(lab, texts.get(i), evaluated.get(i), work.resolve("spec" + i));
    }
  }

  private static void assertLab(Lab lab, String text, JsonNode evaluated, Path work) throws Exception {
    List<String> providers = VagrantSettings.of(lab).providers();
    boolean disks = lab.machines().stream().anyMatch(m -> !m.disks().isEmpty());
    boolean vagrantDisks = providers.contains("virtualbox") || providers.contains("vmware_desktop");
    assertThat(evaluated.path("experimental").isNull()).isEqualTo(!(disks && vagrantDisks));
    JsonNode folders = FakeVagrant.rootVm(evaluated).path("synced_folders");
    assertThat(folders.size()).isEqualTo(VagrantSettings.of(lab).syncedFolder() ? 0 : 1);
    if (!VagrantSettings.of(lab).syncedFolder()) {
      assertThat(folders.get(0).path("target").asText()).isEqualTo("/vagrant");
      assertThat(folders.get(0).path("opts").path("disabled").asBoolean()).isTrue();
    }
    JsonNode machines = FakeVagrant.machines(evaluated);
    assertThat(machines).hasSize(lab.machines().size());
    for (Machine m : lab.machines()) {
      JsonNode vm = machines.get(m.index());
      assertThat(vm.path("name").asText()).isEqualTo(m.name());
      assertThat(vm.path("opts").path("primary").asBoolean(false)).isEqualTo(m.index() == 0);
      JsonNode settings = vm.path("config").path("vm").path("settings");
      assertThat(settings.path("box").asText()).isEqualTo(lab.image(m.image()).vagrantBox());
      assertThat(settings.path("hostname").asText()).isEqualTo(m.name());
      assertThat(settings.path("guest").asText()).as("config.vm.guest")
          .isEqualTo(VagrantViews.guest(lab.image(m.image()).os()));
      assertNetworks(lab, m, vm.path("config").path("vm").path("networks"), providers);
      assertProviders(m, vm, providers);
      assertSteps(lab, m, vm.path("config").path("vm").path("provisioners"), work.resolve(m.name()));
    }
    // lpic3-353 gives its user the clear-text password "change-me": only its hash may appear.
    assertThat(text).as("clear-text passwords never reach the Vagrantfile").doesNotContain("change-me");
  }

  private static void assertNetworks(Lab lab, Machine m, JsonNode networks, List<String> providers) {
    assertThat(networks).hasSize(m.nics().size());
    for (Nic nic : m.nics()) {
      JsonNode n = networks.get(nic.index());
      Network net = lab.network(nic.network());
      JsonNode opts = n.path("opts");
      assertThat(n.path("type").asText()).isEqualTo(net.kind().equals("bridged") ? "public_network" : "private_network");
      if (nic.dhcp()) {
        assertThat(opts.path("type").asText()).isEqualTo("dhcp");
        assertThat(opts.has("ip")).isFalse();
      } else {
        assertThat(opts.path("ip").asText()).isEqualTo(nic.ip().toString());
      }
      assertThat(opts.path("netmask").asText()).isEqualTo(net.netmask().toString());
      assertThat(opts.path("libvirt__mac").asText(null)).isEqualTo(providers.contains("libvirt") ? nic.mac() : null);
      assertThat(opts.path("virtualbox__mac").asText(null))
          .isEqualTo(providers.contains("virtualbox") ? nic.mac().replace(":", "") : null);
      if (providers.contains("libvirt") && !net.kind().equals("bridged")) {
        assertThat(opts.path("libvirt__network_name").asText()).isEqualTo(HostNames.network(lab.name(), net.name()));
        assertThat(opts.path("libvirt__dhcp_enabled").asBoolean()).isEqualTo(net.dhcp());
      }
    }
  }

  private static void assertProviders(Machine m, JsonNode vm, List<String> providers) {
    List<String> order = new ArrayList<>();
    vm.path("config").path("vm").path("providers").forEach(p -> order.add(p.path("name").asText()));
    assertThat(order).as("provider blocks in the spec's order").isEqualTo(providers);
    JsonNode lv = FakeVagrant.provider(vm, "libvirt");
    JsonNode vb = FakeVagrant.provider(vm, "virtualbox");
    JsonNode vmw = FakeVagrant.provider(vm, "vmware_desktop");
    assertThat(lv != null).isEqualTo(providers.contains("libvirt"));
    assertThat(vb != null).isEqualTo(providers.contains("virtualbox"));
    assertThat(vmw != null).isEqualTo(providers.contains("vmware_desktop"));
    if (lv != null) {
      JsonNode s = lv.path("config").path("settings");
      assertThat(s.path("cpus").asInt()).isEqualTo(m.cpus());
      assertThat(s.path("memory").asLong()).isEqualTo(m.memoryMib());
      assertThat(s.path("nested").asBoolean(false)).isEqualTo(m.nestedVirtualization());
      JsonNode storage = lv.path("config").path("calls");
      assertThat(storage).hasSize(m.disks().size());
      for (int d = 0; d < m.disks().size(); d++) {
        Disk disk = m.disks().get(d);
        assertThat(storage.get(d).path("method").asText()).isEqualTo("storage");
        assertThat(storage.get(d).path("opts").path("device").asText()).isEqualTo(disk.device());
        assertThat(storage.get(d).path("opts").path("size").asText()).isEqualTo(disk.sizeGib() + "G");
      }
    }
    if (vb != null) {
      JsonNode s = vb.path("config").path("settings");
      assertThat(s.path("cpus").asInt()).isEqualTo(m.cpus());
      assertThat(s.path("memory").asLong()).isEqualTo(m.memoryMib());
      assertThat(s.path("gui").asBoolean(true)).isFalse();
      assertThat(vb.path("config").path("calls").toString().contains("--nested-hw-virt")).isEqualTo(m.nestedVirtualization());
      assertDisks(m, vb.path("override").path("vm").path("disks"));
    }
    if (vmw != null) {
      JsonNode vmx = vmw.path("config").path("settings").path("vmx");
      assertThat(vmx.path("numvcpus").asText()).isEqualTo(Integer.toString(m.cpus()));
      assertThat(vmx.path("memsize").asText()).isEqualTo(Long.toString(m.memoryMib()));
      assertThat(vmx.path("vhv.enable").asText("FALSE")).isEqualTo(m.nestedVirtualization() ? "TRUE" : "FALSE");
      assertDisks(m, vmw.path("override").path("vm").path("disks"));
    }
  }

  private static void assertDisks(Machine m, JsonNode disks) {
    assertThat(disks).hasSize(m.disks().size());
    for (int d = 0; d < m.disks().size(); d++) {
      assertThat(disks.get(d).path("opts").path("name").asText()).isEqualTo(m.disks().get(d).name());
      assertThat(disks.get(d).path("opts").path("size").asText()).isEqualTo(m.disks().get(d).sizeGib() + "GB");
    }
  }

  /** The provisioners, in order, with every value as the guest decodes it. */
  private static void assertSteps(Lab lab, Machine m, JsonNode provisioners, Path work) throws Exception {
    List<String> names = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    List<String> stepInlines = new ArrayList<>();
    List<Integer> stepIndex = new ArrayList<>();
    for (JsonNode p : provisioners) {
      names.add(p.path("name").asText());
      assertThat(p.path("opts").path("type").asText()).isEqualTo("shell");
      String inline = p.path("opts").path("inline").asText();
      if (inline.startsWith("set -eu\n")) {
        stepIndex.add(names.size() - 1);
        stepInlines.add(inline);
      }
    }
    expected.add("timezone");
    boolean hosts = m.files().stream().noneMatch(f -> f.path().equals("/etc/hosts"));
    if (hosts) {
      expected.add("hosts: /etc/hosts");
    }
    m.users().forEach(u -> expected.add("user " + u.name()));
    m.disks().stream().filter(d -> d.mount() != null).forEach(d -> expected.add("disk " + d.name()));
    for (int f = 0; f < m.files().size(); f++) {
      expected.add("file " + (f + 1) + ": " + m.files().get(f).path());
    }
    if (!m.packages().isEmpty()) {
      expected.add("packages");
    }
    List<String> routes = m.nics().stream().flatMap(n -> n.routes().stream()).map(r -> r.to() + " " + r.via()).toList();
    if (m.forwarding() || !routes.isEmpty()) {
      expected.add("routing");
    }
    for (int c = 0; c < m.commands().size(); c++) {
      expected.add("command " + (c + 1));
    }
    for (Script s : m.scripts()) {
      expected.add("script " + s.name() + " (install)");
      expected.add("script " + s.name());
    }
    expected.addAll(List.of("check (program)", "check (plan)", "check"));
    assertThat(names).isEqualTo(expected);
    List<GuestShell.Values> values = GuestShell.decode(stepInlines, java.nio.file.Files.createDirectories(work));
    String manager = lab.image(m.image()).packageManager();
    int step = 0;
    assertThat(values.get(step++).text("timezone")).isEqualTo(m.timezone());
    if (hosts) {
      // The lab's /etc/hosts: every fixed address of every machine, named <machine>-<network>.
      GuestShell.Values v = values.get(step++);
      assertThat(List.of(v.text("path"), v.text("mode"), v.text("owner"))).containsExactly("/etc/hosts", "0644", "root:root");
      List<String> lines = v.text("content").lines().toList();
      for (Machine other : lab.machines()) {
        other.nics().stream().filter(n -> !n.dhcp()).forEach(n -> assertThat(lines).as("%s sees %s", m.name(), n.ip())
            .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith(n.ip().toString()).contains(other.name() + "-" + n.network())));
      }
    }
    for (User u : m.users()) {
      GuestShell.Values v = values.get(step++);
      assertThat(v.text("name")).isEqualTo(u.name());
      assertThat(v.text("shell")).isEqualTo(u.shell());
      assertThat(v.text("groups")).isEqualTo(lines(u.groups()));
      assertThat(v.text("ssh_authorized_keys")).isEqualTo(lines(u.sshAuthorizedKeys()));
      assertThat(v.text("password_hash")).isEqualTo(u.hasPassword() ? u.passwordHash() : "");
      // the model's sudo rule, not one the guest script spells itself
      assertThat(v.text("sudo_rule")).isEqualTo(u.sudo() ? u.sudoRule() : "");
    }
    for (Disk d : m.disks()) {
      if (d.mount() != null) {
        GuestShell.Values v = values.get(step++);
        assertThat(List.of(v.text("device"), v.text("fs"), v.text("mount"), v.text("manager")))
            .containsExactly(d.device(), d.fs(), d.mount(), manager);
      }
    }
    for (GuestFile f : m.files()) {
      assertFile(values.get(step++), f.path(), f.content(), f.permissions(), f.owner());
    }
    if (!m.packages().isEmpty()) {
      GuestShell.Values v = values.get(step++);
      assertThat(v.text("manager")).isEqualTo(manager);
      assertThat(v.text("packages")).isEqualTo(lines(m.packages()));
    }
    if (m.forwarding() || !routes.isEmpty()) {
      GuestShell.Values v = values.get(step++);
      assertThat(v.text("sysctl_file")).isEqualTo(m.forwarding() ? Forwarding.SYSCTL_FILE : "");
      assertThat(v.text("sysctl_content")).isEqualTo(m.forwarding() ? Forwarding.SYSCTL_CONTENT : "");
      assertThat(v.text("routes")).isEqualTo(lines(routes));
      JsonNode p = provisioners.get(names.indexOf("routing"));
      assertThat(p.path("opts").path("run").asText()).as("routes come back on every up").isEqualTo("always");
    }
    int firstCommand = names.indexOf("command 1");
    for (int c = 0; c < m.commands().size(); c++) {
      JsonNode p = provisioners.get(firstCommand + c);
      assertThat(p.path("opts").path("inline").asText()).isEqualTo(m.commands().get(c));
      assertThat(p.path("opts").path("privileged").asBoolean()).isTrue();
      assertThat(p.path("opts").path("binary").asBoolean()).as("binary keeps CR bytes").isTrue();
    }
    for (Script s : m.scripts()) {
      assertFile(values.get(step++), s.guestPath(), s.content(), "0755", "root:root");
      JsonNode run = provisioners.get(names.indexOf("script " + s.name()));
      // The same argv as cloud-init's runcmd: an unprivileged script runs as the machine's runAs user.
      assertThat(run.path("opts").path("inline").asText()).isEqualTo(String.join(" ", m.scriptCommand(s)));
      assertThat(run.path("opts").path("privileged").asBoolean()).isTrue();
      if (!s.privileged() && m.runAs() != null) {
        assertThat(run.path("opts").path("inline").asText()).startsWith("runuser -u " + m.runAs() + " -- ");
      }
    }
    // The checks (docs/checks.md): the seed's program, the machine's plan for Vagrant, then the run.
    String etcHosts = hosts ? values.get(1).text("content") : null;
    assertFile(values.get(step++), "/usr/local/sbin/labforge-check", dev.labforge.targets.cloudinit.GuestProgram.CHECK,
        "0755", "root:root");
    assertFile(values.get(step++), "/etc/labforge/checks.json", dev.labforge.targets.cloudinit.GuestChecks.plan(lab, m,
        dev.labforge.targets.cloudinit.GuestChecks.Engine.VAGRANT, etcHosts), "0600", "root:root");
    assertThat(provisioners.get(names.indexOf("check")).path("opts").path("inline").asText())
        .isEqualTo("/usr/local/sbin/labforge-check");
    assertThat(step).isEqualTo(values.size());
  }

  private static void assertFile(GuestShell.Values v, String path, String content, String mode, String owner) {
    assertThat(v.text("path")).isEqualTo(path);
    assertThat(v.raw().get("content")).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
    assertThat(v.text("mode")).isEqualTo(mode);
    assertThat(v.text("owner")).isEqualTo(owner);
  }

  private static String lines(List<String> items) {
    StringBuilder out = new StringBuilder();
    items.forEach(i -> out.append(i).append('\n'));
    return out.toString();
  }
}
