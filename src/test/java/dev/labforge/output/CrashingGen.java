package dev.labforge.output;

import dev.labforge.cli.Main;
import java.io.PrintWriter;

/**
 * {@code labforge} with a kill injected: when the tree writer reaches step {@code args[0]} the
 * JVM halts at once (no finally blocks, no shutdown hooks), as a SIGKILL would stop it.
 */
public final class CrashingGen {
  public static final int KILLED = 137;

  private CrashingGen() {}

  public static void main(String[] args) {
    String step = args[0];
    TreeWriter.steps = reached -> {
      if (reached.equals(step)) {
        Runtime.getRuntime().halt(KILLED);
      }
    };
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.exit(Main.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), rest));
  }
}
