package dev.labforge.spec;

import dev.labforge.spec.Position;
import dev.labforge.spec.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/** Collects problems instead of stopping at the first one, so a user sees all of them at once. */
public final class Diagnostics {
  private final SourceText source;
  private final TreeSet<Diagnostic> all = new TreeSet<>();

  public Diagnostics(SourceText source) {
    this.source = source;
  }

  public SourceText source() {
    return source;
  }

  public void error(Position at, String pointer, String message) {
    all.add(new Diagnostic(source.name(), at.line(), at.column(), pointer, message));
  }

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public void addAll(Diagnostics other) {
    all.addAll(other.all);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public List<Diagnostic> sorted() {
    return Collections.unmodifiableList(new ArrayList<>(all));
  }

  /** Every diagnostic with its source line and a caret, then a count, as javac prints them. */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : all) {
      out.append(d.headline()).append('\n');
      if (d.line() > 0 && d.line() <= source.lineCount()) {
        String line = source.line(d.line());
        int start = windowStart(line, d.column());
        int end = Math.min(line.length(), start + WIDTH);
        end -= end < line.length() && Character.isHighSurrogate(line.charAt(end - 1)) ? 1 : 0;
        String prefix = start > 0 ? "..." : "";
        String text = prefix + line.substring(start, end) + (end < line.length() ? "..." : "");
        out.append(text).append('\n');
        out.append(caret(text, d.column() - start + prefix.length())).append('\n');
      }
    }
    int n = all.size();
    out.append(n).append(n == 1 ? " error" : " errors").append('\n');
    return out.toString();
  }

  // a one-line JSON spec or a 1 MiB value must not flood the terminal: show a window around the column
  static final int WIDTH = 200;

  private static int windowStart(String line, int column) {
    if (line.length() <= WIDTH) {
      return 0;
    }
    int start = Math.max(0, Math.min(column - 1 - WIDTH / 2, line.length() - WIDTH));
    return start > 0 && Character.isLowSurrogate(line.charAt(start)) ? start + 1 : start;
  }

  /** Keeps tabs from the source line so the caret lines up in a terminal. */
  private static String caret(String text, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1 && i < text.length(); i++) {
      pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = text.length(); i < column - 1; i++) {
      pad.append(' ');
    }
    return pad.append('^').toString();
  }
}
