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

  public void warning(Position at, String pointer, String message) {
    all.add(new Diagnostic(source.name(), at.line(), at.column(), pointer, message, true));
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
    return format(Style.PLAIN);
  }

  /**
   * As {@link #format()}, with {@code style} around the location, the kind and the caret (gcc's
   * colours on a terminal). Source text is passed to {@code style.text} so it can be made safe.
   */
  public String format(Style style) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : all) {
      // user text (the file name, keys and values in the message) is made visible here, once for
      // every message: a line break in a key must not start a line of its own
      out.append(style.paint(Style.LOCATION, style.text(Visible.text(d.where()))))
          .append(style.paint(d.warning() ? Style.WARNING : Style.ERROR, d.kind()))
          .append(' ').append(style.text(Visible.text(d.what()))).append('\n');
      if (d.line() > 0 && d.line() <= source.lineCount()) {
        String line = source.line(d.line());
        int start = windowStart(line, d.column());
        int end = Math.min(line.length(), start + WIDTH);
        end -= end < line.length() && Character.isHighSurrogate(line.charAt(end - 1)) ? 1 : 0;
        int column = Math.min(Math.max(d.column() - 1, start), end);
        String prefix = start > 0 ? "..." : "";
        // the caret goes under the escaped text: a \r or U+202E before the column widens the line
        String before = prefix + Visible.line(line.substring(start, column));
        String text = before + Visible.line(line.substring(column, end)) + (end < line.length() ? "..." : "");
        out.append(style.text(text)).append('\n');
        out.append(style.paint(Style.CARET, caret(text, before.length() + 1 + (d.column() - 1 - column))))
            .append('\n');
      }
    }
    long warnings = all.stream().filter(Diagnostic::warning).count();
    long errors = all.size() - warnings;
    List<String> counts = new ArrayList<>();
    if (errors > 0 || warnings == 0) {
      counts.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      counts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    out.append(String.join(", ", counts)).append('\n');
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

  /** How {@link #format(Style)} marks its parts: plain text, or colour on a terminal. */
  public interface Style {
    String LOCATION = "1";
    String ERROR = "1;31";
    String WARNING = "1;35";
    String CARET = "1;32";
    Style PLAIN = new Style() {};

    /** {@code text} marked as {@code sgr} (an ANSI Select Graphic Rendition, e.g. "1;31"). */
    default String paint(String sgr, String text) {
      return text;
    }

    /** User text (paths, source lines, messages), as it may be printed. */
    default String text(String text) {
      return text;
    }
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
