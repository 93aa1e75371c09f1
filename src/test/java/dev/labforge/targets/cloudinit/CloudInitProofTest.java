package dev.labforge.targets.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Forwarding;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Nic;
import dev.labforge.model.Script;
import dev.labforge.model.User;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.Tools;
import dev.labforge.targets.cloudinit.CloudInitReadersCheck;
import dev.labforge.targets.cloudinit.IsoLabelCheck;
import dev.labforge.targets.cloudinit.SeedCheckScript;
import dev.labforge.targets.cloudinit.SeedIsoCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof: every machine of every spec, read by cloud-init's own Python code (one process per
 * spec), tells exactly the facts of the model; every image, extracted by xorriso, is its folder
 * byte for byte, and blkid shows its label.
 */
class CloudInitProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, AtomicInteger> CHECKED = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> cloudInitReadsEverySeedAsTheModelSays() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require(SeedCheckScript.PYTHON, "cloud-init", "xorriso", "blkid");
      Path labDir = Specs.generate(spec, Files.createTempDirectory("labforge-proof"));
      Lab lab = Specs.lab(spec);
      Tools tools = Tools.system();
      JsonNode report = SeedCheckScript.run(tools, 600, "lab", labDir.toString());
      assertThat(CloudInitReadersCheck.problems(report)).isEmpty();
      assertThat(report.size()).isEqualTo(lab.machines().size());
      for (Machine m : lab.machines()) {
        JsonNode r = report.get(m.name());
        r.path("checked").fields().forEachRemaining(e -> {
          assertThat(e.getValue().asInt()).as(e.getKey()).isEqualTo(1);
          CHECKED.computeIfAbsent(e.getKey(), k -> new AtomicInteger()).incrementAndGet();
        });
        assertThat(r.path("checked").size()).isEqualTo(8);
        assertFacts(lab, m, r.path("facts"));
        for (String iso : List.of("nocloud.iso", "config-drive.iso")) {
          CHECKED.computeIfAbsent(iso + " (xorriso + blkid)", k -> new AtomicInteger()).incrementAndGet();
        }
      }
      assertThat(new SeedIsoCheck().run(labDir, tools)).isEmpty();
      assertThat(new IsoLabelCheck().run(labDir, tools)).isEmpty();
      Path any = labDir.resolve("cloud-init").resolve(lab.machines().get(0).name());
      assertThat(IsoLabelCheck.label(tools, any.resolve("nocloud.iso"))).isEqualTo("cidata");
      assertThat(IsoLabelCheck.label(tools, any.resolve("config-drive.iso"))).isEqualTo("config-2");
    }));
  }

  private static void assertFacts(Lab lab, Machine m, JsonNode f) throws Exception {
    assertThat(f.path("hostname").asText()).isEqualTo(m.name());
    assertThat(f.path("local-hostname").asText()).isEqualTo(m.name());
    assertThat(f.path("fqdn").asText()).isEqualTo(m.fqdn());
    assertThat(f.path("instance-id").asText()).isEqualTo(m.instanceId());
    assertThat(f.path("drive-uuid").asText()).isEqualTo(m.uuid());
    assertThat(f.path("drive-hostname").asText()).isEqualTo(m.name());
    assertThat(f.path("drive-userdata-identical").asBoolean()).isTrue();
    assertThat(strings(f.path("users"))).isEqualTo(m.users().stream().map(User::name).toList());
    assertThat(strings(f.path("packages"))).isEqualTo(m.packages());
    assertThat(strings(f.path("drive-keys")))
        .isEqualTo(m.users().stream().flatMap(u -> u.sshAuthorizedKeys().stream()).sorted().toList());
    Map<String, String> files = new TreeMap<>();
    m.files().forEach((GuestFile g) -> files.put(g.path(), g.content()));
    m.scripts().forEach((Script s) -> files.put(s.guestPath(), s.content()));
    String etcHosts = EtcHosts.text(lab, m, new dev.labforge.render.TemplateRenderer());
    if (etcHosts != null) {
      files.put(EtcHosts.PATH, etcHosts);
    }
    if (m.forwarding()) {
      files.put(Forwarding.SYSCTL_FILE, Forwarding.SYSCTL_CONTENT);
    }
    // The checks (issue 25): the program, the machine's plan, cloud-init's per-boot hook.
    files.put("/usr/local/sbin/labforge-check", GuestProgram.CHECK);
    files.put("/etc/labforge/checks.json", GuestChecks.plan(lab, m, GuestChecks.Engine.CLOUD_INIT, etcHosts));
    files.put("/var/lib/cloud/scripts/per-boot/labforge-check", GuestProgram.BOOT_HOOK);
    assertThat(new TreeMap<>(JSON.convertValue(f.path("write_files"), Map.class))).isEqualTo(files);
    // Each command and script, then the line that keeps its exit status for the checks.
    List<Object> run = new ArrayList<>();
    if (!m.commands().isEmpty() || !m.scripts().isEmpty()) {
      run.add(List.of("mkdir", "-p", "/var/lib/labforge/ran"));
    }
    for (int i = 0; i < m.commands().size(); i++) {
      run.add(m.commands().get(i));
      run.add("echo $? > /var/lib/labforge/ran/command-" + (i + 1));
    }
    for (int i = 0; i < m.scripts().size(); i++) {
      run.add(GuestCommands.argv(m, m.scripts().get(i)));
      run.add("echo $? > /var/lib/labforge/ran/script-" + (i + 1));
    }
    assertThat(JSON.convertValue(f.path("runcmd"), List.class)).isEqualTo(run);
    List<Map<String, Object>> nics = new ArrayList<>();
    for (Nic n : m.nics()) {
      Map<String, Object> nic = new LinkedHashMap<>();
      nic.put("addresses", n.dhcp() ? List.of() : List.of(n.cidrAddress()));
      nic.put("dhcp", n.dhcp());
      nic.put("mac", n.mac());
      nic.put("name", n.ifname());
      nics.add(nic);
    }
    assertThat(JSON.convertValue(f.path("network-config"), List.class)).isEqualTo(nics);
    assertThat(JSON.convertValue(f.path("network_data"), List.class)).isEqualTo(nics);
    List<String> routes = new ArrayList<>(m.nics().stream().filter(n -> n.defaultRoute() && !n.dhcp())
        .map(n -> "0.0.0.0/0 via " + n.gateway()).toList());
    List<String> dataRoutes = new ArrayList<>(routes);
    for (Nic n : m.nics()) {
      // the spec's routes: in network-config on every NIC, in network_data.json on static ones (DHCP brings its own)
      n.routes().forEach(r -> routes.add(r.to() + " via " + r.via()));
      n.routes().stream().filter(r -> !n.dhcp()).forEach(r -> dataRoutes.add(r.to() + " via " + r.via()));
    }
    assertThat(strings(f.path("network-config-routes"))).isEqualTo(routes.stream().sorted().toList());
    assertThat(strings(f.path("network_data-routes"))).isEqualTo(dataRoutes.stream().sorted().toList());
    // ifupdown's `up` command (Debian images only): every route of the NIC, set with iproute2.
    Map<String, String> up = new TreeMap<>();
    for (Nic n : m.nics()) {
      if (lab.image(m.image()).os().equals("debian") && !n.routes().isEmpty()) {
        up.put(n.ifname(), String.join("; ", n.routes().stream().map(r -> "ip route replace " + r.to() + " via "
            + r.via() + " dev " + n.ifname() + " || echo \"labforge: no route to " + r.to() + " via " + r.via()
            + "\" >&2").toList()));
      }
    }
    assertThat(JSON.convertValue(f.path("network-config-up"), Map.class)).isEqualTo(up);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @AfterAll
  static void report() {
    System.out.println("cloud-init proof, files checked by cloud-init's own code: " + new TreeMap<>(CHECKED));
  }
}
