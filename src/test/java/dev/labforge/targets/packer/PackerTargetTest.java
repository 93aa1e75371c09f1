package dev.labforge.targets.packer;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What every spec's Packer templates contain, read back with the HCL reader. */
class PackerTargetTest {

  @TestFactory
  Stream<DynamicTest> everyImageGetsACompleteTemplate() {
    return Specs.all().stream().filter(spec -> Specs.lab(spec).targets().enabled("packer")).flatMap(spec -> {
      Lab lab = Specs.lab(spec);
      List<RenderedFile> files = Specs.render(spec);
      return lab.images().stream().map(image -> DynamicTest.dynamicTest(Specs.id(spec) + "/" + image.name(),
          () -> checkImage(lab, image, files)));
    });
  }

  private static void checkImage(Lab lab, Image image, List<RenderedFile> files) throws Exception {
    RenderedFile file = Trees.file(files, "packer/" + image.name() + ".pkr.hcl").orElseThrow();
    assertThat(file.format()).isEqualTo(Formats.HCL);
    assertThat(file.schema()).isEqualTo(PackerTarget.SCHEMA);
    JsonNode t = Trees.read(file);
    ImagePlan plan = ImagePlan.of(lab, image);
    boolean iso = image.sourceFormat().equals("iso");

    Set<String> expected = new TreeSet<>(image.builders());
    if (!iso) {
      expected.removeAll(Set.of("virtualbox-iso", "vmware-iso"));
    }
    Set<String> sources = new TreeSet<>();
    t.get("source").fieldNames().forEachRemaining(sources::add);
    assertThat(sources).isEqualTo(expected);
    List<String> refs = Trees.literals(Trees.build(t).get("sources"));
    List<String> wantRefs = new ArrayList<>();
    for (String b : PackerViews.BUILDERS.stream().filter(expected::contains).toList()) {
      wantRefs.add("source." + b + "." + image.name());
      if (b.equals("qemu")) {
        // The Vagrant box is its own qemu source, right after the plain image's.
        wantRefs.add("source.qemu." + VagrantBox.source(image.name()));
      }
    }
    assertThat(refs).containsExactlyElementsOf(wantRefs);
    for (String skipped : image.builders()) {
      if (!expected.contains(skipped)) {
        assertThat(file.text()).contains("# " + skipped + " is left out");
      }
    }

    JsonNode plugins = t.get("packer").get(0).get("required_plugins").get(0);
    Set<String> pluginNames = new TreeSet<>();
    plugins.fieldNames().forEachRemaining(pluginNames::add);
    Set<String> wantPlugins = new TreeSet<>();
    expected.forEach(b -> wantPlugins.add(b.replace("-iso", "")));
    if (expected.contains("qemu")) {
      wantPlugins.add("vagrant");
    }
    assertThat(pluginNames).isEqualTo(wantPlugins);
    plugins.fields().forEachRemaining(e -> assertThat(e.getValue().get("source").asText())
        .isEqualTo("github.com/hashicorp/" + e.getKey()));

    JsonNode vars = t.get("variable");
    if (expected.contains("qemu") || expected.contains("virtualbox-iso")) {
      assertThat(vars.get("iso_url").get(0).get("default").asText()).isEqualTo(image.sourceUrl());
      assertThat(vars.get("iso_checksum").get(0).get("default").asText()).isEqualTo(image.sourceChecksum());
      assertThat(vars.get("ssh_username").get(0).get("default").asText()).isEqualTo(plan.user().name());
      assertThat(vars.get("ssh_password").get(0).get("sensitive").asBoolean()).isTrue();
      assertThat(vars.get("ssh_private_key_file").get(0).get("sensitive").asBoolean()).isTrue();
      assertThat(vars.get("ssh_password").get(0).get("default").isNull()).isTrue();
    }

    for (JsonNode qemu : Trees.sources(t, "qemu").values()) {
      assertThat(qemu.get("iso_checksum").asText()).isEqualTo("${var.iso_checksum}");
      if (iso) {
        assertThat(qemu.get("http_directory").asText()).isEqualTo("${path.root}/" + image.name() + "/http");
        assertThat(qemu.has("cd_files")).isFalse();
      } else {
        assertThat(qemu.get("disk_image").asBoolean()).isTrue();
        assertThat(qemu.get("cd_label").asText()).isEqualTo("cidata");
        for (JsonNode cd : qemu.get("cd_files")) {
          String rel = cd.asText().replace("${path.root}/", "packer/");
          assertThat(Trees.file(files, rel)).as(rel + " is written next to the template").isPresent();
        }
      }
    }
    boolean nested = lab.machines().stream().filter(m -> m.image().equals(image.name()))
        .anyMatch(Machine::nestedVirtualization);
    for (JsonNode vbox : Trees.sources(t, "virtualbox-iso").values()) {
      assertThat(vbox.has("vboxmanage")).isEqualTo(nested);
    }
    for (JsonNode vmware : Trees.sources(t, "vmware-iso").values()) {
      assertThat(vmware.has("vmx_data")).isEqualTo(nested);
      if (nested) {
        assertThat(vmware.get("vmx_data").get("vhv.enable").asText()).isEqualTo("TRUE");
      }
    }

    // Provisioners in spec order: packages then commands, files, scripts, cloud-init clean last.
    List<JsonNode> shells = Trees.shells(t);
    assertThat(shells.get(0).has("inline")).as("spec text never stands in a Packer-rendered field").isFalse();
    assertThat(shells.get(0).get("script").asText())
        .isEqualTo("${path.root}/" + Provisioners.commandsSource(plan));
    String commands = Trees.file(files, "packer/" + Provisioners.commandsSource(plan)).orElseThrow().text();
    assertThat(commands).startsWith("#!/bin/sh -e\n").endsWith("\n");
    List<String> first = List.of(commands.substring("#!/bin/sh -e\n".length(), commands.length() - 1).split("\n", -1));
    List<String> wantFirst = new ArrayList<>();
    wantFirst.add(Provisioners.WAIT_FOR_CLOUD_INIT);
    wantFirst.addAll(new Distro(image).installPackages());
    wantFirst.addAll(image.commands());
    assertThat(first).containsExactlyElementsOf(wantFirst);
    if (!image.packages().isEmpty()) {
      assertThat(first.get(first.size() - image.commands().size() - 1))
          .startsWith(image.packageManager().equals("apt") ? "DEBIAN_FRONTEND=noninteractive apt-get install -y "
              : "dnf install -y ").endsWith(String.join(" ", image.packages()));
    }
    assertThat(Trees.literals(shells.get(shells.size() - 1).get("inline")))
        .containsExactly(Provisioners.CLOUD_INIT_CLEAN, Provisioners.RESET_MACHINE_ID);
    List<String> scripts = shells.stream().filter(s -> s.has("script")).map(s -> s.get("script").asText())
        .filter(s -> !s.contains("/provision/")).toList();
    assertThat(scripts).containsExactlyElementsOf(image.scripts().stream()
        .map(s -> "${path.root}/" + Provisioners.scriptSource(plan, s).replace("packer/", "")).toList());
    for (Script s : image.scripts()) {
      assertThat(Trees.file(files, "packer/" + Provisioners.scriptSource(plan, s)).orElseThrow().text())
          .isEqualTo(s.content());
    }
    JsonNode uploads = Trees.build(t).get("provisioner").path("file");
    assertThat(uploads.size()).isEqualTo(image.files().size());
    for (int i = 0; i < image.files().size(); i++) {
      String rel = "packer/" + Provisioners.fileSource(plan, i, image.files().get(i));
      assertThat(uploads.get(i).get("source").asText()).isEqualTo("${path.root}/" + rel.substring("packer/".length()));
      assertThat(Trees.file(files, rel).orElseThrow().content())
          .isEqualTo(image.files().get(i).content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    JsonNode post = Trees.build(t).get("post-processor");
    assertThat(post.has("manifest")).isTrue();
    assertThat(post.has("checksum")).isTrue();
    assertThat(post.has("vagrant")).isEqualTo(expected.contains("qemu"));
    if (expected.contains("qemu")) {
      String box = "qemu." + VagrantBox.source(image.name());
      assertThat(post.get("vagrant").get(0).get("provider_override").asText()).isEqualTo("libvirt");
      assertThat(Trees.literals(post.get("vagrant").get(0).get("only"))).containsExactly(box);
      assertThat(Trees.sources(t, "qemu").keySet()).containsExactly(image.name(), VagrantBox.source(image.name()));
      // Only the box source gets Vagrant's user and key.
      List<JsonNode> boxShells = shells.stream().filter(s -> s.has("only")).toList();
      assertThat(boxShells).hasSize(1);
      assertThat(Trees.literals(boxShells.get(0).get("only"))).containsExactly(box);
      assertThat(Trees.literals(boxShells.get(0).get("inline"))).containsExactlyElementsOf(VagrantBox.script());
    } else {
      assertThat(shells).noneMatch(s -> s.has("only"));
    }
  }

  @Test
  void qcowImagesBootANoCloudSeedThatCreatesTheBuildUser() throws Exception {
    Path spec = Path.of("examples/lpic3-353.yaml");
    Lab lab = Specs.lab(spec);
    List<RenderedFile> files = Specs.render(spec);
    String seed = Trees.file(files, "packer/debian-12/seed/user-data").orElseThrow().text();
    assertThat(seed).startsWith("#cloud-config\n").contains("  - name: \"lab\"\n")
        .contains("sudo: \"ALL=(ALL) NOPASSWD:ALL\"").contains("lock_passwd: false")
        .contains(lab.machines().get(0).users().get(0).passwordHash()).doesNotContain("change-me");
    assertThat(Trees.file(files, "packer/debian-12/seed/meta-data").orElseThrow().text())
        .isEqualTo("instance-id: \"packer-debian-12\"\nlocal-hostname: \"debian-12\"\n");
  }

  @Test
  void installerImagesGetTheirDistrosAnswers() {
    List<RenderedFile> files = Specs.render(Path.of("src/test/resources/specs/packer-installers.yaml"));
    assertThat(Trees.file(files, "packer/debian-12-iso/http/preseed.cfg").orElseThrow().text())
        .contains("d-i passwd/username string builder\n").contains("d-i passwd/user-password-crypted password $6$")
        .contains("d-i preseed/late_command string in-target sh -c ");
    assertThat(Trees.file(files, "packer/ubuntu-24-04-iso/http/user-data").orElseThrow().text())
        .contains("autoinstall:\n  version: 1\n").contains("username: \"ops\"").contains("password: \"!\"");
    assertThat(Trees.file(files, "packer/rocky-9/http/ks.cfg").orElseThrow().text())
        .contains("user --name=builder --groups=wheel --iscrypted --password=$6$");
  }

  @Test
  void theTargetCanBeTurnedOff() throws Exception {
    Path example = Path.of("examples/lpic3-353.yaml");
    String text = java.nio.file.Files.readString(example).replace("targets:\n", "targets:\n  packer:\n    enabled: false\n");
    dev.labforge.SpecInput input = new dev.labforge.SpecInput("off.yaml",
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8), example.toAbsolutePath().getParent());
    List<RenderedFile> files = Rendered.all(Rendered.load(input), input, List.of());
    assertThat(files).noneMatch(f -> f.path().startsWith("packer/"));
    assertThat(Specs.render(example)).anyMatch(f -> f.path().startsWith("packer/"));
  }
}
