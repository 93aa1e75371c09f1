package dev.labforge.cli;

import dev.labforge.spec.Diagnostics;
import java.io.PrintWriter;

/** The streams a command prints to and the global flags; passed down instead of globals. */
final class Context {
  private final java.io.InputStream in;
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean verbose;
  private Diagnostics.Style style = Diagnostics.Style.PLAIN;
  private java.util.Map<String, String> env = java.util.Map.of();

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

  /** The environment variables labforge reads (LABFORGE_TEMPLATES); tests pass their own. */
  java.util.Map<String, String> env() {
    return env;
  }

  void env(java.util.Map<String, String> value) {
    env = java.util.Map.copyOf(value);
  }

  void style(Diagnostics.Style value) {
    style = value;
  }

  /** Prints located errors or warnings to stderr, in colour when {@link #style} says so. */
  void diagnostics(Diagnostics diagnostics) {
    err.print(diagnostics.format(style));
    err.flush();
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
