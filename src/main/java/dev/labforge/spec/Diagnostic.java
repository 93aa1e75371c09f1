package dev.labforge.spec;

import java.util.Comparator;

/**
 * One problem in a file, located by line and column (1-based) and, when it concerns a spec
 * value, by JSON pointer. Printed compiler style, as google-java-format does. A warning is a spec
 * that is valid but will not work as meant; it never changes the exit code.
 */
public record Diagnostic(String file, int line, int column, String pointer, String message, boolean warning)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::pointer)
          .thenComparing(Diagnostic::message)
          .thenComparing(Diagnostic::warning);

  public Diagnostic {
    pointer = pointer == null ? "" : pointer;
  }

  public Diagnostic(String file, int line, int column, String pointer, String message) {
    this(file, line, column, pointer, message, false);
  }

  /** {@code lab.yaml:14:9: }, or {@code lab.yaml: } without a line. */
  public String where() {
    return line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
  }

  /** {@code error:} or {@code warning:}. */
  public String kind() {
    return warning ? "warning:" : "error:";
  }

  /** The pointer and the message. */
  public String what() {
    return pointer.isEmpty() ? message : pointer + ": " + message;
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
