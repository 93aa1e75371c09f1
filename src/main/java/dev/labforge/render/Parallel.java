package dev.labforge.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Renders independent items (targets, the machines of one target) on every core. The output does
 * not depend on the order work finishes in, and a failure is chosen, not raced: the first failing
 * item in list order is reported.
 */
public final class Parallel {
  private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));

  /** One item's work. */
  @FunctionalInterface
  public interface Work<T> {
    void run(T item) throws RenderException;
  }

  /** Carries a checked failure through the pool. */
  private static final class Failed extends RuntimeException {
    Failed(RenderException cause) {
      super(cause);
    }
  }

  private Parallel() {}

  public static <T> void each(List<T> items, Work<T> work) throws RenderException {
    List<ForkJoinTask<?>> tasks = new ArrayList<>(items.size());
    boolean inPool = Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL;
    for (T item : items) {
      ForkJoinTask<?> task = ForkJoinTask.adapt(() -> {
        try {
          work.run(item);
        } catch (RenderException e) {
          throw new Failed(e);
        }
      });
      // inside the pool, fork: join() then runs waiting tasks itself instead of blocking a worker
      tasks.add(inPool ? task.fork() : POOL.submit(task));
    }
    Throwable failure = null;
    for (ForkJoinTask<?> task : tasks) {
      try {
        task.join();
      } catch (RuntimeException | Error e) {
        // every task is joined before anything is thrown: none may still be writing afterwards
        failure = failure == null ? e : failure;
      }
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof RenderException e) {
          throw e;
        }
      }
      throw (RuntimeException) failure;
    }
  }
}
