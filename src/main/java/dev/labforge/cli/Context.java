package dev.labforge.cli;

import java.io.PrintWriter;

/** The streams a command prints to and the global flags; passed down instead of globals. */
final class Context {
  private final java.io.InputStream in;
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean verbose;

  Context(java.io.InputStream in, PrintWriter out, PrintWriter err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Where a spec named {@code -} is read from. */
  java.io.InputStream in() {
    return in;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  boolean verbose() {
    return verbose;
  }

  void verbose(boolean value) {
    verbose = value;
  }

  /** Reports an unexpected failure: one line, or the stack trace with --verbose. */
  int internal(String what, Throwable e) {
    return internal(what, e, null);
  }

  /**
   * The one printer of internal errors (exit 3): what failed, then the stack trace with
   * --verbose, else where the bug is ({@code origin}, e.g. a template, when known).
   */
  int internal(String what, Throwable e, String origin) {
    err.println("labforge: internal error: " + what);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("(this is a labforge bug" + (origin == null ? "" : " in " + origin)
          + "; run with --verbose for the stack trace)");
    }
    return ExitCodes.INTERNAL;
  }
}
