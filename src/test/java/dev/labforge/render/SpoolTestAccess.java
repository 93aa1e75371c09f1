package dev.labforge.render;

/** The spool's in-memory limit, for tests outside this package. */
public final class SpoolTestAccess {
  private SpoolTestAccess() {}

  public static int inMemoryLimit() {
    return Spool.IN_MEMORY;
  }
}
