package dev.labforge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point. Only {@link #main} exits the JVM; everything else returns a code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, out, err, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, with {@code in} as the spec {@code -}. */
  public static int run(java.io.InputStream in, PrintWriter rawOut, PrintWriter rawErr, String... args) {
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(rawOut), true);
    PrintWriter err = new PrintWriter(new TerminalSafeWriter(rawErr), true);
    Context context = new Context(in, out, err);
    CommandLine cli = new CommandLine(new RootCommand(context));
    TargetHelp.apply(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi()));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> context.internal(e.toString(), e));
    cli.setParameterExceptionHandler((e, args1) -> {
      err.println("labforge: " + e.getMessage());
      e.getCommandLine().usage(err, CommandLine.Help.Ansi.OFF);
      return ExitCodes.USAGE;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static CommandLine.Help.Ansi ansi() {
    if (System.getenv("NO_COLOR") != null) {
      return CommandLine.Help.Ansi.OFF;
    }
    return CommandLine.Help.Ansi.AUTO;
  }
}
