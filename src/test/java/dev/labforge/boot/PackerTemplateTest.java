package dev.labforge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packer 1.6.6 copy drops exactly the packer {} block and nothing else. */
class PackerTemplateTest {
  static final String TEMPLATE = """
      # comment
      packer {
        required_version = ">= 1.7.0"
        required_plugins {
          qemu = {
            source = "github.com/hashicorp/qemu"
          }
        }
      }

      variable "qemuargs" {
        type = list(list(string))
      }

      source "qemu" "debian-12" {
        qemuargs = var.qemuargs
      }

      build {
        name = "debian-12"
        sources = ["source.qemu.debian-12"]
      }
      """;

  @Test
  void theCopyLacksOnlyThePackerBlockAndSitsBesideTheOriginal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("debian-12.pkr.hcl");
    Files.writeString(file, TEMPLATE);
    PackerTemplate t = PackerTemplate.read(file);
    Path copy = t.writeFor166();
    assertThat(copy.getParent()).isEqualTo(dir);
    String expected = TEMPLATE.replaceAll("(?s)packer \\{.*?\n}\n", "");
    assertThat(Files.readString(copy)).isEqualTo(expected).doesNotContain("required_plugins").contains("build {");
    assertThat(t.variables()).containsExactly("qemuargs");
    assertThat(t.qemuSources()).containsExactly("debian-12");
    assertThat(t.buildName()).isEqualTo("debian-12");
  }
}
