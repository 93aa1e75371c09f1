package dev.labforge.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What labforge prints echoes user text (names, values, source lines, paths). A terminal obeys
 * control characters in it: ESC starts a sequence that can recolour, move the cursor or retitle
 * the window, BEL rings, C1 codes act like ESC sequences. Every control character except line
 * feed and tab is shown as an escape ({@code \x1b}, {@code \u009b}) instead.
 */
final class TerminalSafeWriter extends FilterWriter {
  TerminalSafeWriter(Writer out) {
    super(out);
  }

  static boolean unsafe(int c) {
    return c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f;
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
      if (unsafe(buffer[i])) {
        out.write(buffer, start, i - start);
        out.write(escape(buffer[i]));
        start = i + 1;
      }
    }
    out.write(buffer, start, end - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }
}
