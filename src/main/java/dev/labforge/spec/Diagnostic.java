package dev.labforge.spec;

import java.util.Comparator;

/**
 * One problem in a file, located by line and column (1-based) and, when it concerns a spec
 * value, by JSON pointer. Printed compiler style, as google-java-format does.
 */
public record Diagnostic(String file, int line, int column, String pointer, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::pointer)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    pointer = pointer == null ? "" : pointer;
  }

  /** The first line only: {@code lab.yaml:14:9: error: /machines/1/memory: message}. */
  public String headline() {
    String where = line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
    String what = pointer.isEmpty() ? message : pointer + ": " + message;
    return where + "error: " + what;
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
