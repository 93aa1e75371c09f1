package dev.labforge.targets.packer;

import dev.labforge.output.ManifestCheck;
import dev.labforge.targets.Tools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with the real Packer: every template of every spec is in {@code packer fmt} form and
 * passes {@code packer validate} (offline: iso_checksum=none; before 1.7 without the packer {}
 * block), and the checks do fail on a broken or unformatted template.
 */
class PackerChecksTest {
  private final Tools tools = Tools.system();

  @Test
  void everyTemplateOfEverySpecIsFormattedAndValid(@TempDir Path out) throws Exception {
    RealTools.require("packer");
    int templates = 0;
    int specs = 0;
    for (Path spec : Specs.all()) {
      if (!Specs.lab(spec).targets().enabled("packer")) {
        continue;
      }
      specs++;
      Path lab = Specs.generate(spec, out);
      List<Path> files = PackerTree.list(lab);
      assertThat(files).as(spec + " has Packer templates").isNotEmpty();
      templates += files.size();
      assertThat(new PackerFmtCheck().run(lab, tools)).as("packer fmt -check on " + spec).isEmpty();
      PackerValidateCheck validate = new PackerValidateCheck();
      assertThat(validate.run(lab, tools)).as("packer validate on " + spec).isEmpty();
      // the tree itself is untouched: validate works on a copy
      assertThat(new ManifestCheck().run(lab, tools)).isEmpty();
    }
    System.out.println("packer validate: " + templates + " templates from " + specs + " specs passed");
    assertThat(templates).isGreaterThanOrEqualTo(specs).isPositive();
  }

  @Test
  void theChecksFailOnBrokenTemplates(@TempDir Path out) throws Exception {
    RealTools.require("packer");
    Path lab = Specs.generate(Path.of("examples/lpic3-353.yaml"), out);
    Path template = lab.resolve("packer/debian-12.pkr.hcl");
    String good = Files.readString(template);

    Files.writeString(template, good.replace("  cd_label             = \"cidata\"", "  cd_label = \"cidata\""));
    assertThat(new PackerFmtCheck().run(lab, tools)).singleElement().asString()
        .contains("packer/debian-12.pkr.hcl").contains("not in canonical form");

    Files.writeString(template, good.replace("  cd_label", "  no_such_option = 1\n  cd_label"));
    assertThat(new PackerValidateCheck().run(lab, tools)).singleElement().asString()
        .contains("packer/debian-12.pkr.hcl").contains("no_such_option");

    Files.delete(lab.resolve("packer/debian-12/seed/user-data"));
    Files.writeString(template, good);
    assertThat(new PackerValidateCheck().run(lab, tools)).singleElement().asString().contains("user-data");
  }

  @Test
  void oldPackerValidatesWithoutThePackerBlockAndSaysSo(@TempDir Path out) throws Exception {
    RealTools.require("packer");
    int[] version = PackerTree.version(tools.run(out, Map.of(), 30, "packer", "version").output());
    Path lab = Specs.generate(Path.of("examples/lpic3-352.yaml"), out);
    PackerValidateCheck check = new PackerValidateCheck();
    assertThat(check.run(lab, tools)).isEmpty();
    if (PackerTree.knowsRequiredPlugins(version)) {
      assertThat(check.name()).isEqualTo("packer validate");
    } else {
      assertThat(check.name()).contains("predates required_plugins").contains("without the packer {} block");
    }
  }

  @Test
  void seedsPassCloudInitsSchema(@TempDir Path out) throws Exception {
    RealTools.require("cloud-init");
    int seeds = 0;
    for (Path spec : Specs.all()) {
      Path lab = Specs.generate(spec, out);
      if (!Files.isDirectory(lab.resolve("packer"))) {
        continue;
      }
      try (var walk = Files.walk(lab.resolve("packer"))) {
        for (Path seed : walk.filter(p -> p.endsWith("seed/user-data")).toList()) {
          Tools.Run run = tools.run(out, Map.of(), 60, "cloud-init", "schema", "-c", seed.toString());
          assertThat(run.ok()).as(seed + ": " + run.output()).isTrue();
          seeds++;
        }
      }
    }
    assertThat(seeds).isPositive();
  }

  /** labforge's alignment pass gives what packer fmt gives, on every template with its = unaligned. */
  @Test
  void alignmentIsWhatPackerFmtWrites(@TempDir Path dir) throws Exception {
    RealTools.require("packer");
    java.util.Map<Path, String> want = new java.util.TreeMap<>();
    int n = 0;
    for (Path spec : Specs.all()) {
      for (var f : Specs.render(spec)) {
        if (f.path().endsWith(".pkr.hcl")) {
          String collapsed = f.text().replaceAll("(?m)^(\\s*[A-Za-z_\"][^=\\n]*?) +=(?!=)", "$1 =");
          assertThat(collapsed).as("the test undoes some alignment").isNotEqualTo(f.text());
          Path file = dir.resolve("t" + n++ + ".pkr.hcl");
          Files.writeString(file, collapsed);
          want.put(file, dev.labforge.hcl.HclFormat.align(file.toString(), collapsed));
        }
      }
    }
    Tools.Run run = tools.run(dir, Map.of(), 60, "packer", "fmt", ".");
    assertThat(run.exitCode()).as(run.output()).isZero();
    for (var e : want.entrySet()) {
      assertThat(Files.readString(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
    }
    assertThat(want).isNotEmpty();
  }

  @Test
  void thePackerBlockIsCutExactly() {
    String text = "# head\n\npacker {\n  required_version = \">= 1.7.0\"\n  required_plugins {\n    qemu = {\n"
        + "      source = \"x\"\n    }\n  }\n}\n\nvariable \"a\" {\n}\n";
    assertThat(PackerTree.withoutPackerBlock(text)).isEqualTo("# head\n\n\nvariable \"a\" {\n}\n");
    assertThat(PackerTree.version("Packer v1.6.6\n")).containsExactly(1, 6, 6);
    assertThat(PackerTree.knowsRequiredPlugins(new int[] {1, 6, 6})).isFalse();
    assertThat(PackerTree.knowsRequiredPlugins(new int[] {1, 7, 0})).isTrue();
    assertThat(PackerTree.knowsRequiredPlugins(new int[] {2, 0, 0})).isTrue();
  }
}
