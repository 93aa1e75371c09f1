package dev.labforge.cli;

import dev.labforge.spec.Visible;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error, where labforge's messages echo user text: a path, a name, a tool's or an
 * exception's message. What is printed with {@code println} is one message, so a line break in
 * it (a file named "a\nlabforge: ok") is shown as {@code \n}, as are bidirectional controls: only
 * labforge starts a line. Blocks labforge lays out itself (diagnostics, which make their user text
 * visible in {@code Diagnostics.format}, and the usage help) are printed with {@code print}.
 */
final class MessageWriter extends PrintWriter {
  MessageWriter(Writer out) {
    super(out, true);
  }

  @Override
  public void println(String line) {
    super.println(Visible.line(line == null ? "null" : line));
  }

  @Override
  public void println(Object line) {
    println(String.valueOf(line));
  }
}
