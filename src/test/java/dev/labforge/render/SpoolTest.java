package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file stays in memory up to its limit and goes to disk past it, bytes, size and digest exact. */
class SpoolTest {
  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  // written in uneven pieces, so the spill happens in the middle of one
  private static RenderedFile write(Spool spool, byte[] bytes) throws Exception {
    Spool.Output out = spool.open();
    for (int at = 0, piece = 1; at < bytes.length; at += piece, piece = piece * 3 % 65_537 + 1) {
      out.write(bytes, at, Math.min(piece, bytes.length - at));
    }
    return out.finish("lxd/preseed.yaml", "templates/lxd/preseed.yaml.ftl", Formats.YAML, null);
  }

  @Test
  void aFileUpToTheLimitStaysInMemory(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir.resolve("spool"));
    byte[] bytes = random(Spool.IN_MEMORY);
    RenderedFile file = write(spool, bytes);
    assertThat(file.spooled()).isNull();
    assertThat(file.content()).isEqualTo(bytes);
    assertThat(file.sha256()).isEqualTo(DigestUtils.sha256Hex(bytes));
    assertThat(dir.resolve("spool")).doesNotExist();
  }

  @Test
  void aBiggerFileIsOnDiskWithItsSizeAndDigest(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir.resolve("spool"));
    byte[] bytes = random(3 * Spool.IN_MEMORY + 12_345);
    RenderedFile file = write(spool, bytes);
    assertThat(file.spooled()).isNotNull();
    assertThat(file.spooled().file().getParent()).isEqualTo(dir.resolve("spool"));
    assertThat(Files.readAllBytes(file.spooled().file())).isEqualTo(bytes);
    assertThat(file.size()).isEqualTo(bytes.length);
    assertThat(file.sha256()).isEqualTo(DigestUtils.sha256Hex(bytes));
    assertThat(file.content()).isEqualTo(bytes);
    try (var in = file.open()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    RenderedFile second = write(spool, random(Spool.IN_MEMORY + 1));
    assertThat(second.spooled().file()).isNotEqualTo(file.spooled().file());
  }

  @Test
  void aFailedFileLeavesNothingSpooled(@TempDir Path dir) throws Exception {
    Spool spool = new Spool(dir.resolve("spool"));
    Spool.Output out = spool.open();
    out.write(random(2 * Spool.IN_MEMORY));
    out.discard();
    try (var left = Files.list(dir.resolve("spool"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void pastTheOutputLimitOnlyTheSizeIsCounted(@TempDir Path dir) throws Exception {
    Spool.Output out = new Spool(dir.resolve("spool")).open();
    byte[] piece = new byte[1 << 20];
    int pieces = OutputTooLargeException.MAX_BYTES / piece.length + 3;
    for (int i = 0; i < pieces; i++) {
      out.write(piece);
    }
    RenderedFile file = out.finish("lxd/preseed.yaml", "templates/lxd/preseed.yaml.ftl", Formats.YAML, null);
    assertThat(file.size()).isEqualTo((long) pieces * piece.length);
    assertThat(Files.size(file.spooled().file())).isEqualTo(OutputTooLargeException.MAX_BYTES + 1L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputTooLargeException.check(file))
        .hasMessageContaining("is " + (long) pieces * piece.length + " bytes, over labforge's output limit");
  }

  /** A view as the targets' are: a record. */
  public record Lines(int n) {}

  @Test
  void aSpoolThatCannotBeWrittenIsAWriteFailureNotATemplateBug(@TempDir Path dir) throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("spool"), "a file where the spool folder goes");
    Path overrides = Files.createDirectories(dir.resolve("templates/inventory"));
    Files.writeString(overrides.resolve("big.ftl"), "<#list 1..n as i>line ${i}\n</#list>");
    TemplateRenderer templates = new TemplateRenderer(dir.resolve("templates")).spooling(new Spool(notAFolder));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.file("inventory/big", "inventory/big.ftl",
        new Lines(200_000), Formats.TEXT, null))
        .isInstanceOf(SpoolWriteException.class)
        .hasMessageStartingWith("templates/inventory/big.ftl: ")
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void aTemplateRendersTheSameBytesSpooledOrNot(@TempDir Path dir) throws Exception {
    Path overrides = Files.createDirectories(dir.resolve("templates/inventory"));
    Files.writeString(overrides.resolve("big.ftl"),
        "<#list 1..n as i>line ${i} é 😀 ${esc.yaml(\"a\\\"b\")}\n</#list>");
    TemplateRenderer templates = new TemplateRenderer(dir.resolve("templates"));
    Lines model = new Lines(60_000);
    RenderedFile held = templates.file("inventory/big", "inventory/big.ftl", model, Formats.TEXT, null);
    RenderedFile spooled = templates.spooling(new Spool(dir.resolve("spool")))
        .file("inventory/big", "inventory/big.ftl", model, Formats.TEXT, null);
    assertThat(held.spooled()).isNull();
    assertThat(held.size()).isGreaterThan(Spool.IN_MEMORY);
    assertThat(spooled.spooled()).isNotNull();
    assertThat(spooled.content()).isEqualTo(held.content());
    assertThat(spooled.sha256()).isEqualTo(held.sha256());
    assertThat(spooled.origin()).isEqualTo(held.origin()).isEqualTo("templates/inventory/big.ftl");
  }
}
