package dev.labforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The training run behind the class-data archive (issue 12): {@code mvn package} runs this under
 * {@code -XX:ArchiveClassesAtExit}, so the archive holds the classes of every common path, not only
 * gen's: the help of the root and of a subcommand, validate, and gen of the built-in example into
 * {@code args[0]}. Not a command; the output is discarded.
 */
public final class ClassDataTraining {
  private ClassDataTraining() {}

  public static void main(String[] args) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    Main.run(sink, sink, "--help");
    Main.run(sink, sink, "--version");
    Main.run(sink, sink, "gen", "--help");
    Main.run(sink, sink, "validate");
    Main.run(sink, sink, "gen", "-o", args[0]);
  }
}
