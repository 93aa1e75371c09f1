package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void everyItemRunsOnceAlsoWhenNested() throws Exception {
    ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
    List<Integer> outer = IntStream.range(0, 8).boxed().toList();
    Parallel.each(outer, i -> Parallel.each(IntStream.range(0, 50).boxed().toList(), j -> done.add(i + "/" + j)));
    assertThat(done).hasSize(400).doesNotHaveDuplicates();
  }

  /** The last item fails first (the first item waits for it): still the first item's failure is reported. */
  @Test
  void theFirstFailureInListOrderIsReportedNotTheFirstToHappen() {
    CountDownLatch lastFailed = new CountDownLatch(1);
    assertThatThrownBy(() -> Parallel.each(List.of(0, 1, 2), i -> {
      if (i == 2) {
        lastFailed.countDown();
        throw new RenderException("item2", "late in the list, early in time");
      }
      if (i == 0) {
        try {
          lastFailed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new RenderException("item0", "first in the list");
      }
    })).isInstanceOf(RenderException.class).hasMessage("item0: first in the list");
  }

  @Test
  void aBugIsThrownAsItIs() {
    assertThatThrownBy(() -> Parallel.each(List.of(1), i -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("bug");
  }

  /** An Error (out of memory) in one item: thrown as it is, after every other item has finished. */
  @Test
  void anErrorIsThrownOnceEveryOtherItemIsDone() {
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    assertThatThrownBy(() -> Parallel.each(List.of(0, 1, 2, 3, 4, 5), i -> {
      if (i == 0) {
        throw new OutOfMemoryError("test");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.incrementAndGet();
    })).isInstanceOf(OutOfMemoryError.class)
        // the pool may rethrow a copy with the original as its cause
        .matches(e -> "test".equals(e.getMessage()) || e.getCause() != null && "test".equals(e.getCause().getMessage()));
    assertThat(done.get()).isEqualTo(5);
  }
}
