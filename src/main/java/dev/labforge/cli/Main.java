package dev.labforge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The entry point. Only {@link #main} exits the JVM; everything else returns a code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(System.getenv(), Colour.stderrIsTerminal(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, Map.of(), false, out, err, args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)}, in an environment: {@code env} holds the
   * variables labforge reads, {@code stderrIsTerminal} whether diagnostics may be coloured.
   */
  public static int run(Map<String, String> env, boolean stderrIsTerminal, PrintWriter out, PrintWriter err,
      String... args) {
    return run(System.in, env, stderrIsTerminal, out, err, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, with {@code in} as the spec {@code -}. */
  public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
    return run(in, Map.of(), false, out, err, args);
  }

  /**
   * Every character labforge prints passes a {@link TerminalSafeWriter}: user text cannot reach the
   * terminal as a control sequence; only the colours labforge paints itself can.
   */
  public static int run(java.io.InputStream in, Map<String, String> env, boolean stderrIsTerminal,
      PrintWriter rawOut, PrintWriter rawErr, String... args) {
    boolean colour = Colour.wanted(env, stderrIsTerminal);
    PrintWriter out = new MessageWriter(new TerminalSafeWriter(rawOut, false));
    PrintWriter err = new MessageWriter(new TerminalSafeWriter(rawErr, colour));
    Context context = new Context(in, out, err);
    context.env(env);
    if (colour) {
      context.style(new Colour.Ansi());
    }
    CommandLine cli = RootCommand.commandLine(context, args);
    TargetHelp.apply(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(env)));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> context.internal(e.toString(), e));
    cli.setParameterExceptionHandler((e, args1) -> {
      err.println("labforge: " + e.getMessage());
      e.getCommandLine().usage(err, CommandLine.Help.Ansi.OFF);
      return ExitCodes.USAGE;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the staging folder is gone by now (closed on the way out) and out/ holds the previous tree
      err.println("labforge: out of memory: the Java heap holds at most "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give it more with JAVA_OPTS=-Xmx1g"
          + " (bin/labforge) or java -Xmx1g; nothing was written");
      code = ExitCodes.INTERNAL;
    } catch (Error e) {
      code = context.internal(e.toString(), e);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Help text: picocli's own terminal test, but never with NO_COLOR. */
  private static CommandLine.Help.Ansi ansi(Map<String, String> env) {
    if (env.containsKey("NO_COLOR")) {
      return CommandLine.Help.Ansi.OFF;
    }
    return CommandLine.Help.Ansi.AUTO;
  }
}
