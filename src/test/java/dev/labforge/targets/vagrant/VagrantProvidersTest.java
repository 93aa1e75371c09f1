package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.render.RenderedFile;
import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the provider blocks, which {@code vagrant validate -p} skips, checked by the providers'
 * own configuration classes where they can run here, and by their documented keys where they cannot.
 *
 * <ul>
 *   <li><b>libvirt:</b> {@code vagrant validate} without {@code -p}, with
 *       {@code VAGRANT_DEFAULT_PROVIDER=libvirt}: Vagrant then validates every machine's libvirt
 *       block with vagrant-libvirt 0.11.2's own config class, which reports any unknown option
 *       ("The following settings shouldn't exist"). It needs the plugin, not a libvirt daemon.</li>
 *   <li><b>virtualbox:</b> the same with {@code VAGRANT_DEFAULT_PROVIDER=virtualbox} and a stand-in
 *       {@code VBoxManage} on PATH that only answers {@code --version}: Vagrant's own VirtualBox
 *       config class validates the block (VirtualBox itself cannot run here).</li>
 *   <li><b>all three:</b> every option the evaluated Vagrantfile sets in a provider block (recorded by
 *       the Ruby fake) is a documented key of that provider, listed with its source in
 *       {@code src/test/resources/vagrant/provider-options.json}. For libvirt and virtualbox the list
 *       is also checked against the installed plugin's source; vmware_desktop's comes from
 *       hashicorp/vagrant-vmware-desktop's config.rb (the plugin needs VMware and its utility).</li>
 * </ul>
 */
class VagrantProvidersTest {
  static final Path OPTIONS = Path.of("src/test/resources/vagrant/provider-options.json");
  static final Path GEMS = Path.of("/usr/share/rubygems-integration/all/gems");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  /**
   * Specs with a bridged network are left out: for a {@code public_network} vagrant-libvirt's
   * validate asks libvirtd whether the host device ({@code eth0} unless {@code dev:}) exists, which
   * is a fact about the host, not the file. Their options are still in the documented-keys check.
   */
  @TestFactory
  Stream<DynamicTest> vagrantLibvirtAcceptsEveryLibvirtBlock() {
    return specsWith("libvirt").filter(spec -> Specs.lab(spec).networks().stream()
        .noneMatch(n -> n.kind().equals("bridged"))).map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      requireVagrantLibvirt();
      // LABFORGE_LIBVIRT_DRIVER set: the plugin then also checks lv.driver.
      Tools.Run run = validate(Specs.generate(spec, work.resolve(Specs.id(spec))), "libvirt",
          Map.of("LABFORGE_LIBVIRT_DRIVER", "qemu"));
      assertThat(run.ok()).as("vagrant validate (libvirt):\n%s", run.output()).isTrue();
      assertThat(run.output()).contains("Vagrantfile validated successfully");
    }));
  }

  @TestFactory
  Stream<DynamicTest> vagrantsVirtualboxConfigAcceptsEveryVirtualboxBlock() {
    return specsWith("virtualbox").map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require("vagrant");
      Tools.Run run = validate(Specs.generate(spec, work.resolve(Specs.id(spec))), "virtualbox", vboxManageStandIn());
      assertThat(run.ok()).as("vagrant validate (virtualbox):\n%s", run.output()).isTrue();
      assertThat(run.output()).contains("Vagrantfile validated successfully");
    }));
  }

  @Test
  void theRealPluginsRejectAnUnknownOption() throws Exception {
    requireVagrantLibvirt();
    Path lab = Specs.generate(Specs.examples().get(2), work.resolve("bad"));
    Path file = lab.resolve("vagrant/Vagrantfile");
    Files.writeString(file, Files.readString(file)
        .replace("lv.cpus =", "lv.cpuz = 1\n      lv.cpus =")
        .replace("vb.gui = false", "vb.gui = false\n      vb.guii = false"));
    Tools.Run libvirt = validate(lab, "libvirt", Map.of());
    assertThat(libvirt.ok()).isFalse();
    assertThat(libvirt.output()).contains("Libvirt Provider").contains("The following settings shouldn't exist: cpuz");
    Tools.Run virtualbox = validate(lab, "virtualbox", vboxManageStandIn());
    assertThat(virtualbox.ok()).isFalse();
    assertThat(virtualbox.output()).contains("VirtualBox Provider")
        .contains("The following settings shouldn't exist: guii");
  }

  @Test
  void everyProviderOptionIsADocumentedKey() throws Exception {
    RealTools.require("ruby");
    JsonNode documented = JSON.readTree(OPTIONS.toFile());
    List<Path> specs = Specs.all();
    List<String> files = new ArrayList<>();
    for (Path spec : specs) {
      files.add(vagrantfile(spec));
    }
    // With the TCG switch set, so that lv.driver is among the recorded options.
    List<JsonNode> evaluated = FakeVagrant.evaluate(files, work, Map.of("LABFORGE_LIBVIRT_DRIVER", "qemu"));
    Map<String, Set<String>> used = new HashMap<>();
    for (JsonNode result : evaluated) {
      for (JsonNode machine : FakeVagrant.machines(result)) {
        for (JsonNode provider : machine.path("config").path("vm").path("providers")) {
          String name = provider.path("name").asText();
          JsonNode config = provider.path("config");
          Set<String> keys = used.computeIfAbsent(name, k -> new TreeSet<>());
          config.path("settings").fieldNames().forEachRemaining(k -> keys.add(k.equals("vmx") ? "vmx[]" : k));
          config.path("calls").forEach(c -> keys.add(c.path("method").asText() + "()"));
          config.path("settings").path("vmx").fieldNames().forEachRemaining(k -> keys.add("vmx['" + k + "']"));
        }
      }
    }
    assertThat(used.get("libvirt")).as("the TCG switch reached lv.driver").contains("driver");
    assertThat(used.keySet()).as("providers the specs configure").containsExactlyInAnyOrder("libvirt", "virtualbox",
        "vmware_desktop");
    for (Map.Entry<String, Set<String>> e : used.entrySet()) {
      JsonNode doc = documented.path(e.getKey());
      assertThat(doc.path("source").asText()).as("source of %s's keys", e.getKey()).isNotBlank();
      Set<String> keys = new LinkedHashSet<>();
      doc.path("settings").forEach(k -> keys.add(k.asText()));
      doc.path("methods").forEach(k -> keys.add(k.asText() + "()"));
      if (doc.has("vmx")) {
        keys.add("vmx[]");
        doc.path("vmx").fieldNames().forEachRemaining(k -> keys.add("vmx['" + k + "']"));
      }
      assertThat(keys).as("documented keys of %s (%s)", e.getKey(), OPTIONS).containsAll(e.getValue());
      System.out.printf("[vagrant] %s options used by the specs: %s%n", e.getKey(), e.getValue());
    }
  }

  /** The listed libvirt and virtualbox keys are what the installed plugins' config classes define. */
  @Test
  void theListedKeysAreInTheInstalledPluginsSource() throws Exception {
    JsonNode documented = JSON.readTree(OPTIONS.toFile());
    Map<String, String> configs = Map.of(
        "libvirt", documented.path("libvirt").path("installed").asText(),
        "virtualbox", documented.path("virtualbox").path("installed").asText());
    for (Map.Entry<String, String> e : configs.entrySet()) {
      Path source = GEMS.resolve(e.getValue());
      if (!Files.isRegularFile(source)) {
        RealTools.require(e.getKey().equals("libvirt") ? "vagrant-libvirt's config.rb" : "vagrant's virtualbox config.rb");
      }
      String ruby = Files.readString(source);
      JsonNode doc = documented.path(e.getKey());
      for (JsonNode k : doc.path("settings")) {
        assertThat(ruby).as("%s defines %s", source, k.asText())
            .containsAnyOf("attr_accessor :" + k.asText() + "\n", "def " + k.asText() + "=(");
      }
      for (JsonNode k : doc.path("methods")) {
        assertThat(ruby).as("%s defines %s", source, k.asText()).contains("def " + k.asText() + "(");
      }
    }
  }

  private static Stream<Path> specsWith(String provider) {
    return Specs.all().stream().filter(spec -> Specs.lab(spec).targets().node("vagrant").path("providers")
        .isMissingNode() || containsText(Specs.lab(spec).targets().node("vagrant").path("providers"), provider));
  }

  private static boolean containsText(JsonNode array, String value) {
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      if (it.next().asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String vagrantfile(Path spec) {
    RenderedFile file = Specs.render(spec).stream().filter(f -> f.path().equals("vagrant/Vagrantfile")).findFirst()
        .orElseThrow();
    return file.text();
  }

  private static void requireVagrantLibvirt() {
    RealTools.require("vagrant");
    if (!Files.isDirectory(GEMS.resolve("vagrant-libvirt-0.11.2"))) {
      RealTools.require("vagrant-libvirt (Debian package)");
    }
  }

  /** A VBoxManage that only tells its version: enough for Vagrant to pick its 7.0 driver and validate. */
  private Map<String, String> vboxManageStandIn() throws IOException {
    Path bin = work.resolve("vbox-bin");
    Path tool = bin.resolve("VBoxManage");
    if (!Files.exists(tool)) {
      Files.createDirectories(bin);
      Files.writeString(tool, "#!/bin/sh\n# stand-in: Vagrant asks for the version only while validating\n"
          + "[ \"$1\" = --version ] && echo 7.0.6r155176\nexit 0\n");
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  private Tools.Run validate(Path lab, String provider, Map<String, String> extraEnv) throws Exception {
    Path home = Files.createTempDirectory(work, "vagrant-home-");
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("VAGRANT_HOME", home.toString());
    env.put("VAGRANT_DEFAULT_PROVIDER", provider);
    return Tools.system().run(lab.resolve("vagrant"), env, 180, "vagrant", "validate");
  }
}
