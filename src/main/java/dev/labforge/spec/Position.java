package dev.labforge.spec;

/** A 1-based line and column in a source file. Line 0 means "no location". */
public record Position(int line, int column) {
  public static final Position NONE = new Position(0, 0);
}
