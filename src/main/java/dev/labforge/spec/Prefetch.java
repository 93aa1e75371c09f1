package dev.labforge.spec;

/**
 * Work started early on the second core whose result the run asks for later. A failure here is
 * dropped: the caller does the same work again and reports what goes wrong there, once, in its own
 * words (not as a stack trace from a pool thread).
 */
public final class Prefetch {
  private Prefetch() {}

  public static void start(Runnable work) {
    java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
      try {
        work.run();
      } catch (Throwable ignored) {
        // the caller repeats the work and reports
      }
    });
  }
}
