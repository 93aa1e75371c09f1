package dev.labforge.output;

import dev.labforge.render.FileSink;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Spool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Stage 5 as the files stream out of the targets: each file is checked (size, path, parse-back,
 * schema) on a worker thread and, once it passes, handed to a {@link Store}: the staging folder,
 * or a list. At most {@link #IN_FLIGHT} files wait at once, so memory does not grow with the lab.
 *
 * <p>Threads finish in any order, so the problem reported is chosen, not raced: a file over the
 * size limit before any other problem, then the smallest path (what checking the sorted list
 * reported before). The same lab always gives the same error.
 */
public final class OutputChecks implements FileSink, AutoCloseable {
  static final int IN_FLIGHT = 64;

  /** Where a checked file goes; called from several threads at once. */
  @FunctionalInterface
  public interface Store {
    void put(RenderedFile file) throws IOException;

    /** Where a big file goes while it is rendered and checked (null: it is held in memory). */
    default Spool spool() {
      return null;
    }
  }

  private record Failure(int rank, String path, Throwable problem) {}

  private final Store store;
  private final ExecutorService workers;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Set<String> paths = new HashSet<>();
  private final Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();
  // a file with the same bytes and schema as one already checked (a config drive's user_data is its
  // seed's user-data) passes without being parsed again
  // (the verdict is shared, not raced: a file waits for the first check of the same bytes)
  // (bounded: the copies of a file come right after it, and a big lab has 100,000 files)
  private final Map<String, FutureTask<Exception>> verdicts = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Exception>> eldest) {
          return size() > 4 * IN_FLIGHT;
        }
      });
  private final List<Failure> failures = new ArrayList<>();
  // set without allocating: recording an out-of-memory error must not need memory
  private final java.util.concurrent.atomic.AtomicReference<Error> fatal = new java.util.concurrent.atomic.AtomicReference<>();

  public OutputChecks(Store store) {
    this.store = store;
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "labforge-output");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void accept(RenderedFile file) throws RenderException {
    try {
      synchronized (paths) {
        OutputValidation.where(file, paths);
      }
    } catch (RenderException e) {
      fail(new Failure(1, file.path(), e));
      return;
    }
    inFlight.acquireUninterruptibly();
    workers.execute(() -> {
      try {
        check(file);
      } finally {
        inFlight.release();
      }
    });
  }

  private void check(RenderedFile file) {
    try {
      OutputTooLargeException.check(file);
    } catch (OutputTooLargeException e) {
      fail(new Failure(0, file.path(), e));
      return;
    }
    try {
      String sha256 = file.sha256();
      if (file.schema() != null && !passes(file, sha256)) {
        OutputValidation.parsesAndPasses(file); // throws, naming this file
      }
      entries.put(file.path(), new Manifest.Entry(file.path(), sha256, file.size()));
      if (!failed()) {
        store.put(file);
      }
    } catch (RenderException e) {
      fail(new Failure(1, file.path(), e));
    } catch (IOException e) {
      fail(new Failure(2, file.path(), e));
    } catch (RuntimeException e) {
      fail(new Failure(3, file.path(), e));
    } catch (Error e) {
      // out of memory, say: a worker that died silently would leave its file out of the tree
      fatal.compareAndSet(null, e);
    }
  }

  private boolean passes(RenderedFile file, String sha256) {
    FutureTask<Exception> check = new FutureTask<>(() -> {
      try {
        OutputValidation.parsesAndPasses(file);
        return null;
      } catch (RenderException | RuntimeException e) {
        return e;
      }
    });
    FutureTask<Exception> first = verdicts.putIfAbsent(file.schema() + "\n" + sha256, check);
    if (first == null) {
      check.run();
      first = check;
    }
    try {
      return first.get() == null;
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  private synchronized void fail(Failure failure) {
    failures.add(failure);
  }

  private synchronized boolean failed() {
    return fatal.get() != null || !failures.isEmpty();
  }

  /**
   * Waits until the files handed over so far are checked and stored: between targets, so that one
   * target's lab-wide file (a 27 MB Vagrantfile) is not still held while the next one renders its own.
   */
  public void drain() {
    inFlight.acquireUninterruptibly(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
  }

  /**
   * Waits for every file; then the manifest entries sorted by path, or the chosen problem: a
   * {@link RenderException}, an {@link IOException} of the store, or a labforge bug as it was thrown.
   */
  public List<Manifest.Entry> finish() throws RenderException, IOException {
    drain();
    if (fatal.get() != null) {
      throw fatal.get();
    }
    Failure first;
    synchronized (this) {
      first = failures.stream()
          .min(Comparator.comparingInt(Failure::rank).thenComparing(Failure::path)).orElse(null);
    }
    if (first != null) {
      if (first.problem() instanceof RenderException e) {
        throw e;
      }
      if (first.problem() instanceof IOException e) {
        throw e;
      }
      throw (RuntimeException) first.problem();
    }
    return entries.values().stream().sorted(Comparator.comparing(Manifest.Entry::path)).toList();
  }

  /** Waits for the files in flight (a failed render must not leave a worker writing), then stops the workers. */
  @Override
  public void close() {
    inFlight.acquireUninterruptibly(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    workers.shutdown();
  }
}
