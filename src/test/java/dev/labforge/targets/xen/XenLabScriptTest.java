package dev.labforge.targets.xen;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.render.Escape;
import dev.labforge.render.RenderedFile;
import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xen/lab.sh run for real, except xl (there is no hypervisor): a recording fake xl, real
 * {@code ip} bridges inside a private network namespace ({@code unshare --net}), real
 * {@code qemu-img} overlays, in an image folder whose name holds a quote, a comma, a space, a
 * backslash and non-ASCII text. The files lab.sh makes are exactly the disks Xen's parser reads in
 * the generated .cfg files. Also: shellcheck is clean.
 */
class XenLabScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void labShIsCleanUnderShellcheck() throws Exception {
    RealTools.require("shellcheck", "bash");
    for (String spec : List.of("examples/lpic3-351.yaml", "src/test/resources/specs/xen-hvm.yaml")) {
      Path out = write(Rendered.load(SpecInput.file(Path.of(spec))), SpecInput.file(Path.of(spec)));
      Tools.Run sc = Tools.system().run(out.resolve("xen"), Map.of(), 60, "shellcheck", "lab.sh");
      assertThat(sc.output()).as(spec).isEmpty();
      assertThat(sc.exitCode()).isZero();
      assertThat(Tools.system().run(out.resolve("xen"), Map.of(), 60, "bash", "-n", "lab.sh").ok()).isTrue();
    }
  }

  @Test
  void upMakesTheDisksTheConfigurationsNameAndDownCleansUp() throws Exception {
    RealTools.require("bash", "ip", "qemu-img", "unshare", "timeout");
    XenParser.require();
    assumeTrue("0".equals(Tools.system().run(tmp, Map.of(), 10, "id", "-u").output().strip())
        || "true".equals(System.getenv("CI")), "unshare --net needs root; skipped outside CI");
    Path images = tmp.resolve("dom0/it's \"x\",1 \\ é");
    String spec = Files.readString(Path.of("examples/lpic3-351.yaml"), StandardCharsets.UTF_8)
        + "  xen:\n    image_dir: " + Escape.yaml(images.toString()) + "\n";
    Path specFile = tmp.resolve("lpic3-351.yaml");
    Files.writeString(specFile, spec, StandardCharsets.UTF_8);
    SpecInput input = SpecInput.file(specFile);
    Lab lab = Rendered.load(input);
    Path out = write(lab, input);
    Files.createDirectories(images.resolve("base"));
    Tools tools = Tools.system();
    assertThat(tools.run(tmp, Map.of(), 60, "qemu-img", "create", "-q", "-f", "qcow2",
        images.resolve("base/debian-12.qcow2").toString(), "64M").ok()).isTrue();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    try (InputStream in = getClass().getResourceAsStream("/xen/fake-xl")) {
      Files.write(bin.resolve("xl"), in.readAllBytes());
    }
    Files.setPosixFilePermissions(bin.resolve("xl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(tmp.resolve("state"));
    String bridge = HostNames.bridge(lab.name(), "virt");
    Path driver = tmp.resolve("driver.sh");
    Files.writeString(driver, String.join("\n",
        "set -u",
        "lab=" + Escape.sh(out.resolve("xen/lab.sh").toString()),
        "bash \"$lab\" up; echo \"up=$?\"",
        "bash \"$lab\" up; echo \"up-again=$?\"",
        "ip -o addr show dev " + bridge,
        "bash \"$lab\" status; echo \"status=$?\"",
        "bash \"$lab\" console kvm; echo \"console=$?\"",
        "bash \"$lab\" console nope; echo \"console-nope=$?\"",
        "bash \"$lab\" down; echo \"down=$?\"",
        "ip link show dev " + bridge + " >/dev/null 2>&1 && echo bridge-left || echo bridge-gone",
        ""));
    Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"),
        "FAKE_XL_LOG", tmp.resolve("xl.log").toString(), "FAKE_XL_STATE", tmp.resolve("state").toString());
    Tools.Run run = tools.run(tmp, env, 300, "unshare", "--net", "--", "bash", driver.toString());
    String output = run.output();
    assertThat(output).as(output).contains("up=0", "up-again=0", "status=0", "console=0", "console-nope=2",
        "down=0", "bridge-gone", "inet 10.35.1.1/24", "no machine 'nope' in lab lpic3-351", "console of lpic3--351-kvm");

    List<String> calls = Files.readAllLines(tmp.resolve("xl.log"));
    String xenDir = out.resolve("xen").toString();
    assertThat(calls).filteredOn(c -> c.startsWith("create ")).containsExactly(
        "create " + xenDir + "/xen.cfg", "create " + xenDir + "/kvm.cfg");
    // the domains carry the lab's name (a "-" in it doubled), in the cfg and in every xl call
    assertThat(calls).contains("shutdown -w lpic3--351-xen", "shutdown -w lpic3--351-kvm", "console lpic3--351-kvm");

    // every disk Xen's parser reads in the generated files exists, made by lab.sh
    List<String> cfgs = lab.machines().stream().map(m -> m.name() + ".cfg").toList();
    JsonNode reports = XenParser.read(out.resolve("xen"), cfgs);
    for (int i = 0; i < cfgs.size(); i++) {
      Machine m = lab.machines().get(i);
      JsonNode disks = reports.get(i).path("disks");
      List<String> targets = new ArrayList<>();
      disks.forEach(d -> targets.add(d.path("target").asText()));
      assertThat(targets.get(0)).startsWith(images.toString() + "/");
      JsonNode root = info(tools, targets.get(0));
      assertThat(root.path("format").asText()).isEqualTo("qcow2");
      assertThat(root.path("backing-filename").asText()).isEqualTo(images.resolve("base/debian-12.qcow2").toString());
      assertThat(root.path("virtual-size").asLong()).isEqualTo(m.diskMib() * 1024 * 1024);
      for (int d = 0; d < m.disks().size(); d++) {
        JsonNode data = info(tools, targets.get(1 + d));
        assertThat(data.path("format").asText()).isEqualTo("qcow2");
        assertThat(data.path("virtual-size").asLong()).isEqualTo(m.disks().get(d).sizeMib() * 1024 * 1024);
      }
      Path seed = Path.of(targets.get(targets.size() - 1));
      assertThat(Files.readAllBytes(seed)).as("the seed is the machine's own nocloud.iso")
          .isEqualTo(Files.readAllBytes(out.resolve("cloud-init/" + m.name() + "/nocloud.iso")));
    }
  }

  private static JsonNode info(Tools tools, String path) throws Exception {
    Tools.Run run = tools.run(Path.of("/"), Map.of(), 60, "qemu-img", "info", "--output=json", path);
    assertThat(run.ok()).as(run.output()).isTrue();
    return JSON.readTree(run.output());
  }

  private Path write(Lab lab, SpecInput input) throws Exception {
    Path out = Files.createTempDirectory(tmp, "out").resolve(lab.name());
    for (RenderedFile f : Rendered.all(lab, input, List.of())) {
      Path p = out.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.content());
    }
    return out;
  }
}
