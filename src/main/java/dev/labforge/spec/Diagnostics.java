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
        String text = source.line(d.line());
        out.append(text).append('\n');
        out.append(caret(text, d.column())).append('\n');
      }
    }
    int n = all.size();
    out.append(n).append(n == 1 ? " error" : " errors").append('\n');
    return out.toString();
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
