package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.render.Formats;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Stage 5 on streamed files: every file checked and stored, and the same error whatever the thread timing. */
class OutputChecksTest {
  private static final String META = "schemas/cloud-init/meta-data.schema.json";

  private static RenderedFile meta(String path, String text) {
    return RenderedFile.text(path, text, "t/" + path, Formats.YAML, META);
  }

  private static String ok(int i) {
    return String.format("instance-id: iid-%016x\nlocal-hostname: h%d\n", i, i);
  }

  private static final String BAD = "instance-id: [1]\nlocal-hostname: h\n";

  private static RenderedFile big(String path) {
    return new RenderedFile(path, new byte[OutputTooLargeException.MAX_BYTES + 1], "t/" + path, Formats.BINARY, null);
  }

  @Test
  void everyPassingFileIsStoredOnceAndListedSortedWithItsDigest() throws Exception {
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    List<Manifest.Entry> entries;
    try (OutputChecks checks = new OutputChecks(f -> stored.add(f.path()))) {
      for (int i = 99; i >= 0; i--) {
        checks.accept(meta("m/" + i, ok(i)));
      }
      checks.accept(meta("m/same", ok(1)));
      entries = checks.finish();
    }
    assertThat(stored).hasSize(101).doesNotHaveDuplicates();
    assertThat(entries).extracting(Manifest.Entry::path).isSorted().hasSize(101);
    assertThat(entries.get(0)).isEqualTo(new Manifest.Entry("m/0",
        dev.labforge.model.Ids.sha256Hex(ok(0).getBytes()), ok(0).length()));
  }

  /** An Error while a file is checked or stored (out of memory) fails the run: the file is not left out silently. */
  @Test
  void anErrorInAWorkerFailsTheRun() throws Exception {
    try (OutputChecks checks = new OutputChecks(f -> {
      if (f.path().equals("m/3")) {
        throw new OutOfMemoryError("test");
      }
    })) {
      for (int i = 0; i < 10; i++) {
        checks.accept(meta("m/" + i, ok(i)));
      }
      assertThatThrownBy(checks::finish).isInstanceOf(OutOfMemoryError.class).hasMessage("test");
    }
  }

  /** Files sent in reverse order, failing at different speeds: the smallest failing path is named. */
  @RepeatedTest(5)
  void theFailureReportedIsTheSmallestPathNotTheFirstToFinish() throws Exception {
    try (OutputChecks checks = new OutputChecks(f -> {})) {
      for (int i = 50; i >= 10; i--) {
        checks.accept(meta("m/" + i, i % 7 == 0 ? BAD : ok(i)));
      }
      assertThatThrownBy(checks::finish).isInstanceOf(RenderException.class)
          .hasMessageStartingWith("t/m/14: m/14 fails " + META);
    }
  }

  @Test
  void aFileOverTheSizeLimitIsReportedBeforeAnyOtherProblemAndNothingMoreIsStored() throws Exception {
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    try (OutputChecks checks = new OutputChecks(f -> stored.add(f.path()))) {
      checks.accept(meta("a/bad", BAD));
      checks.accept(big("z/huge"));
      assertThatThrownBy(checks::finish).isInstanceOf(OutputTooLargeException.class)
          .hasMessageContaining("z/huge is " + (OutputTooLargeException.MAX_BYTES + 1) + " bytes");
    }
    assertThat(stored).doesNotContain("z/huge", "a/bad");
  }

  @Test
  void aCopyOfAFailingFileNamesItselfAndTwoFilesOnOnePathAreAnError() throws Exception {
    try (OutputChecks checks = new OutputChecks(f -> {})) {
      checks.accept(meta("b/user-data", BAD));
      checks.accept(meta("a/user_data", BAD));
      assertThatThrownBy(checks::finish).hasMessageStartingWith("t/a/user_data: a/user_data fails");
    }
    try (OutputChecks checks = new OutputChecks(f -> {})) {
      checks.accept(meta("a/x", ok(1)));
      checks.accept(meta("a/x", ok(2)));
      assertThatThrownBy(checks::finish).hasMessage("t/a/x: two files render to a/x");
    }
  }

  @Test
  void aStoreThatCannotWriteIsAnIoErrorAfterTheChecks() throws Exception {
    try (OutputChecks checks = new OutputChecks(f -> {
      throw new IOException("disk full at " + f.path());
    })) {
      checks.accept(meta("a/1", ok(1)));
      assertThatThrownBy(checks::finish).isInstanceOf(IOException.class).hasMessage("disk full at a/1");
    }
  }
}
