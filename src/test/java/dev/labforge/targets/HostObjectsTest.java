package dev.labforge.targets;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The objects the generated files make on a host, read back from the files as each tool reads
 * them (libvirt's XML, the LXD preseed and lab.sh, xl.cfg, the Vagrantfile): two labs on one host
 * share none of them, and within a lab no two disks share an LXD volume. The red team's cases.
 */
class HostObjectsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> TARGETS = List.of("libvirt", "lxd", "xen", "vagrant", "docker");

  @TempDir
  Path tmp;

  @Test
  void labsWhoseNamesJoinAlikeShareNothingOnTheHost() throws Exception {
    // lab a-b machine c and lab a machine b-c were "a-b-c" in libvirt and LXD; labs x and a-b
    // both had Xen domain "c"; lab63 and lab252 hash to the same 16-bit Xen bridge prefix 75e7.
    List<Set<String>> labs = List.of(
        objects(lab("a-b", "c", "c", "d")),
        objects(lab("a", "b-c", "b-c", "d")),
        objects(lab("x", "n", "c", "d")),
        objects(lab("lab63", "n", "m", "d")),
        objects(lab("lab252", "n", "m", "d")));
    for (int i = 0; i < labs.size(); i++) {
      assertThat(labs.get(i)).as("lab %d makes objects", i).isNotEmpty();
      for (int j = i + 1; j < labs.size(); j++) {
        Set<String> shared = new TreeSet<>(labs.get(i));
        shared.retainAll(labs.get(j));
        assertThat(shared).as("objects of lab %d and lab %d", i, j).isEmpty();
      }
    }
    assertThat(labs.get(0)).contains("docker-container:a--b-c", "docker-project:a--b-docker", "docker-image:a--b-deb", "docker-volume:a--b-c-d");
    assertThat(labs.get(0)).contains("libvirt-domain:a--b-c", "lxd-instance:a--b-c", "xen-domain:a--b-c",
        "bridge:a--b-c", "libvirt-network:a--b-c", "virtualbox-vm:a--b-c");
    assertThat(labs.get(1)).contains("libvirt-domain:a-b-c", "lxd-instance:a-b-c", "xen-domain:a-b-c",
        "lxd-pool:a"); // a one-letter lab is a valid LXD pool name (the preseed's schema refused it: exit 3)
  }

  @Test
  void twoDisksOfOneLabNeverShareAVolume() throws Exception {
    Path spec = write("one", """
        version: 1
        name: one
        images:
          deb:
            os: debian
            release: "12"
            source: {url: "https://example.org/d.qcow2", format: qcow2}
            vagrant_box: debian/bookworm64
        networks:
          - {name: lan, cidr: 10.1.0.0/24}
        machines:
          - {name: a, image: deb, disks: [{name: b-c, size: 1GiB}]}
          - {name: a-b, image: deb, disks: [{name: c, size: 1GiB}]}
        """);
    List<String> volumes = objects(spec).stream().filter(o -> o.startsWith("lxd-volume:")).toList();
    assertThat(volumes).containsExactly("lxd-volume:one/one-a--b-c", "lxd-volume:one/one-a-b-c");
  }

  /**
   * The second red team: names cut to fit end in a hash, and a lab named after the hash met them
   * (lab "lf" network "e145238d4789" took the bridge "lf-e145238d4789" of a 63-character lab; a
   * 17-letter lab with machine "d78aa1bb033d" took its cut domain). A cut name's part after the
   * lab's starts with a digit, which no spec name does (HostNamesTest.aCutNameIsNeverAPlainOne).
   */
  @Test
  void labsNamedAfterAHashShareNothingWithACutName() throws Exception {
    String longLab = "a" + "-a".repeat(31);
    Set<String> cut = objects(lab(longLab, "lan1", "c", "d"));
    assertThat(cut).anyMatch(o -> o.matches("bridge:a-[0-9][0-9a-f]{11}"))
        .anyMatch(o -> o.matches("xen-domain:(a--){16}a-[0-9][0-9a-f]{11}"));
    for (Path forged : List.of(lab("lf", "e145238d4789", "m", "d"), lab("a" + "-a".repeat(16), "n", "d78aa1bb033d", "d"))) {
      Set<String> shared = new TreeSet<>(cut);
      shared.retainAll(objects(forged));
      assertThat(shared).as(forged.toString()).isEmpty();
    }
  }

  /**
   * Valid names at the edges of what the spec allows render every target: "--" in the lab's name
   * (the drawing's XML comment could not hold it: exit 3), and a 63-character lab with a
   * 63-character network (the libvirt network name was never cut: exit 3).
   */
  @Test
  void namesAtTheEdgesRenderEveryTarget() throws Exception {
    String longLab = "a" + "-a".repeat(31);
    for (Path spec : List.of(lab("a--b", "n--et", "m--c", "d--k"), lab(longLab, "n".repeat(63), "c".repeat(63), "d"))) {
      dev.labforge.cli.Cli.Result r = dev.labforge.cli.Cli.run("gen", "-q", spec.toString(), "-o", tmp.resolve("out").toString());
      assertThat(r.code()).as(r.err()).isZero();
    }
  }

  private Path lab(String lab, String network, String machine, String disk) throws Exception {
    return write(lab, """
        version: 1
        name: %s
        images:
          deb:
            os: debian
            release: "12"
            source: {url: "https://example.org/d.qcow2", format: qcow2}
            vagrant_box: debian/bookworm64
        networks:
          - {name: %s, cidr: 10.1.0.0/24}
        machines:
          - {name: %s, image: deb, disks: [{name: %s, size: 1GiB}]}
        """.formatted(lab, network, machine, disk));
  }

  private Path write(String name, String text) throws Exception {
    Path spec = tmp.resolve(name + ".yaml");
    Files.writeString(spec, text, StandardCharsets.UTF_8);
    return spec;
  }

  /** "kind:name" of every host-wide object the lab's files make (volumes as pool/volume). */
  private static Set<String> objects(Path spec) throws Exception {
    SpecInput input = SpecInput.file(spec);
    Lab lab = Rendered.load(input);
    Map<String, String> files = new TreeMap<>();
    for (RenderedFile f : Rendered.all(lab, input, TARGETS)) {
      files.put(f.path(), new String(f.content(), StandardCharsets.UTF_8));
    }
    Set<String> out = new TreeSet<>();
    files.forEach((path, text) -> {
      if (path.startsWith("libvirt/domains/")) {
        out.add("libvirt-domain:" + first("<name>([^<]+)</name>", text));
      } else if (path.startsWith("libvirt/networks/")) {
        out.add("libvirt-network:" + first("<name>([^<]+)</name>", text));
        out.add("bridge:" + first("<bridge name=['\"]([^'\"]+)", text));
      } else if (path.startsWith("xen/") && path.endsWith(".cfg")) {
        out.add("xen-domain:" + first("(?m)^name = \"([^\"]+)\"", text));
        all("bridge=([^\",]+)", text).forEach(b -> out.add("bridge:" + b));
      } else if (path.equals("vagrant/Vagrantfile")) {
        List<String> defines = all("config\\.vm\\.define '([^']+)'", text);
        List<String> prefixes = all("lv\\.default_prefix = '([^']+)'", text);
        for (int i = 0; i < defines.size(); i++) {
          out.add("libvirt-domain:" + prefixes.get(i) + defines.get(i)); // vagrant-libvirt's name
        }
        all("vb\\.name = '([^']+)'", text).forEach(n -> out.add("virtualbox-vm:" + n));
        all("libvirt__network_name: '([^']+)'", text).forEach(n -> out.add("libvirt-network:" + n));
        all("virtualbox__intnet: '([^']+)'", text).forEach(n -> out.add("virtualbox-intnet:" + n));
      } else if (path.equals("lxd/lab.sh")) {
        all("IMAGE_ALIAS=\\(([^)]*)\\)", text).forEach(a -> out.add("lxd-image:" + a));
      }
    });
    JsonNode preseed = YAML.readTree(files.get("lxd/preseed.yaml"));
    String pool = preseed.path("storage_pools").get(0).path("name").asText();
    out.add("lxd-pool:" + pool);
    preseed.path("networks").forEach(n -> out.add("bridge:" + n.path("name").asText()));
    for (JsonNode profile : preseed.path("profiles")) {
      out.add("lxd-instance:" + profile.path("name").asText()); // lab.sh launches each under its profile's name
      profile.path("devices").forEach(d -> {
        if (d.path("type").asText().equals("disk") && !d.path("path").asText().equals("/")) {
          out.add("lxd-volume:" + d.path("pool").asText() + "/" + d.path("source").asText());
        }
      });
    }
    // Docker: containers, networks (and their bridges), named volumes, image tags and the Compose project.
    JsonNode compose = YAML.readTree(files.get("docker/compose.yaml"));
    compose.path("services").forEach(s -> {
      out.add("docker-container:" + s.path("container_name").asText());
      out.add("docker-image:" + s.path("image").asText());
    });
    compose.path("networks").forEach(n -> {
      out.add("docker-network:" + n.path("name").asText());
      out.add("bridge:" + n.path("driver_opts").path("com.docker.network.bridge.name").asText());
    });
    compose.path("volumes").forEach(v -> out.add("docker-volume:" + v.path("name").asText()));
    out.add("docker-project:" + first("(?m)^PROJECT=(\\S+)$", files.get("docker/lab.sh")).replace("'", ""));
    String instances = first("INSTANCES=\\(([^)]*)\\)", files.get("lxd/lab.sh"));
    out.stream().filter(o -> o.startsWith("lxd-instance:"))
        .forEach(o -> assertThat(instances).contains("'" + o.substring("lxd-instance:".length()) + "'"));
    return out;
  }

  private static String first(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in\n%s", regex, text).isTrue();
    return m.group(1);
  }

  private static List<String> all(String regex, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1).replace("'", ""));
    }
    return found;
  }
}
