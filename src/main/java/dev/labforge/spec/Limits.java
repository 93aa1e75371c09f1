package dev.labforge.spec;

/** Bounds that keep a hostile spec from costing more than a sane one ever needs. */
public final class Limits {
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_ALIASES = 50;
  public static final int MAX_NODES = 200_000;

  private Limits() {}
}
