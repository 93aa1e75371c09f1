package dev.labforge.cli;

import dev.labforge.spec.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Colour in diagnostics (gcc's: bold location, red error, magenta warning, green caret), only
 * when stderr is a terminal, and never with {@code NO_COLOR} set (no-color.org) or {@code TERM=dumb}.
 */
final class Colour {
  private Colour() {}

  static boolean wanted(Map<String, String> env, boolean stderrIsTerminal) {
    return stderrIsTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /** Whether fd 2 is a terminal: what /proc says it is, else whether the JVM has a console. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /**
   * Paints with ANSI escapes, as marks the {@link TerminalSafeWriter} turns into escapes (it shows
   * every control character of user text as an escape); user text's own marks are escaped first.
   */
  static final class Ansi implements Diagnostics.Style {
    @Override
    public String paint(String sgr, String text) {
      return mark(sgr) + text + mark("0");
    }

    private static String mark(String sgr) {
      return TerminalSafeWriter.SGR_START + sgr + TerminalSafeWriter.SGR_END;
    }

    @Override
    public String text(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(c -> {
        if (TerminalSafeWriter.unsafe(c)) {
          out.append(TerminalSafeWriter.escape(c));
        } else {
          out.appendCodePoint(c);
        }
      });
      return out.toString();
    }
  }
}
