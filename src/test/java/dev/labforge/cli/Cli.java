package dev.labforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, as google-java-format's MainTest does, capturing both streams. */
public final class Cli {
  public record Result(int code, String out, String err) {}

  private Cli() {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
