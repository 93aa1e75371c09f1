package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second gen links the previous tree's file when its bytes are the same, and writes it anew when
 * they are not, even at the same size (the comparison reads the old file in pieces).
 */
class LinkReuseTest {
  @Test
  void unchangedFilesAreLinkedChangedOnesRewritten(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    Path lab;
    try (var labs = Files.list(out)) {
      lab = labs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    Path kept = lab.resolve("vagrant/Vagrantfile");
    // over 64 KiB: the byte that differs is in the second piece read
    Path edited = lab.resolve("cloud-init/cloud/config-drive.iso");
    byte[] before = Files.readAllBytes(edited);
    Object keptInode = Files.getAttribute(kept, "unix:ino");
    byte[] changed = before.clone();
    assertThat(before.length).isGreaterThan(64 * 1024);
    changed[changed.length - 2] ^= 1;
    Files.write(edited, changed);
    Object editedInode = Files.getAttribute(edited, "unix:ino");

    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    assertThat(Files.getAttribute(kept, "unix:ino")).as("an unchanged file is the same inode").isEqualTo(keptInode);
    assertThat(Files.getAttribute(edited, "unix:ino")).as("a changed file is written anew").isNotEqualTo(editedInode);
    assertThat(edited).hasBinaryContent(before);
  }
}
