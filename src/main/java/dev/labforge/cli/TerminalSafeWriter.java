package dev.labforge.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What labforge prints echoes user text (names, values, source lines, paths). A terminal obeys
 * control characters in it: ESC starts a sequence that can recolour, move the cursor or retitle
 * the window, BEL rings, C1 codes act like ESC sequences. Every control character except line
 * feed and tab is shown as an escape ({@code \x1b}, {@code \u009b}) instead.
 *
 * <p>labforge's own colours pass as {@link #SGR_START} sgr {@link #SGR_END} (two Unicode
 * noncharacters, reserved for a program's internal use): with {@code colour} on, such a mark with
 * only digits and ';' inside becomes {@code ESC [ sgr m}; otherwise the marks are escaped too.
 */
final class TerminalSafeWriter extends FilterWriter {
  static final char SGR_START = '\ufdd0';
  static final char SGR_END = '\ufdd1';
  private final boolean colour;

  TerminalSafeWriter(Writer out, boolean colour) {
    super(out);
    this.colour = colour;
  }

  static boolean unsafe(int c) {
    return c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f
        || c == SGR_START || c == SGR_END;
  }

  static String escape(int c) {
    return c < 0x80 ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
  }

  @Override
  public void write(int c) throws IOException {
    if (unsafe(c)) {
      out.write(escape(c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int sgrEnd = colour && buffer[i] == SGR_START ? sgrEnd(buffer, i + 1, end) : -1;
      if (sgrEnd > 0) {
        out.write(buffer, start, i - start);
        out.write("\u001b[");
        out.write(buffer, i + 1, sgrEnd - i - 1);
        out.write('m');
        i = sgrEnd;
        start = i + 1;
      } else if (unsafe(buffer[i])) {
        out.write(buffer, start, i - start);
        out.write(escape(buffer[i]));
        start = i + 1;
      }
    }
    out.write(buffer, start, end - start);
  }

  /** The index of the {@link #SGR_END} closing a colour mark that starts before {@code from}, or -1. */
  private static int sgrEnd(char[] buffer, int from, int end) {
    for (int i = from; i < end; i++) {
      if (buffer[i] == SGR_END) {
        return i;
      }
      if (!(buffer[i] >= '0' && buffer[i] <= '9' || buffer[i] == ';')) {
        return -1;
      }
    }
    return -1;
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }
}
