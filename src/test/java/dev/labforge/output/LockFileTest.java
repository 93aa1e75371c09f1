package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab's lock {@code DIR/.<lab>.lock} is opened without following a link, and only as a regular file. */
class LockFileTest {
  @TempDir
  Path tmp;

  @Test
  void aSymbolicLinkAtTheLockPathIsRefusedAndWhatItPointsAtIsUntouched() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path precious = tmp.resolve("precious");
    Files.writeString(precious, "mine");
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(precious, before);
    Path lock = out.resolve(".lpic3-353.lock");
    Files.createSymbolicLink(lock, precious);

    Cli.Result r = Cli.run("gen", "-q", "-o", out.toString());
    assertThat(r.err()).isEqualTo("labforge: " + lock.toAbsolutePath()
        + " is a symbolic link, not labforge's lock file; remove it and run again\n");
    assertThat(r.code()).isEqualTo(1);
    assertThat(precious).hasContent("mine");
    assertThat(Files.getLastModifiedTime(precious)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(lock)).isTrue();
    assertThat(out.resolve("lpic3-353")).doesNotExist();
  }

  @Test
  void aDanglingLinkAtTheLockPathCreatesNothingWhereItPoints() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path nowhere = tmp.resolve("created-by-labforge");
    Path lock = out.resolve(".lpic3-353.lock");
    Files.createSymbolicLink(lock, nowhere);

    Cli.Result r = Cli.run("gen", "-q", "-o", out.toString());
    assertThat(r.err()).isEqualTo("labforge: " + lock.toAbsolutePath()
        + " is a symbolic link, not labforge's lock file; remove it and run again\n");
    assertThat(r.code()).isEqualTo(1);
    assertThat(nowhere).doesNotExist();
    assertThat(Files.exists(nowhere, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAtTheLockPathIsRefusedNotWaitedOn() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path lock = out.resolve(".lpic3-353.lock");
    assertThat(new ProcessBuilder("mkfifo", lock.toString()).inheritIO().start().waitFor()).isZero();

    Cli.Result r = Cli.run("gen", "-q", "-o", out.toString());
    assertThat(r.err()).isEqualTo("labforge: " + lock.toAbsolutePath()
        + " is not a regular file, not labforge's lock file; remove it and run again\n");
    assertThat(r.code()).isEqualTo(1);
  }
}
