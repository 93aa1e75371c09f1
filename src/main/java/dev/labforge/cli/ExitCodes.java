package dev.labforge.cli;

/** The exit codes of the design contract, in one place. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The spec or the generated tree is invalid: a user problem. */
  public static final int INVALID = 1;
  public static final int USAGE = 2;
  /** An output failed its own schema or a template failed: a labforge bug. */
  public static final int INTERNAL = 3;
  /** {@code labforge check} found none of the tools it runs: nothing was checked, so nothing passed. */
  public static final int NOTHING_CHECKED = 4;

  private ExitCodes() {}
}
