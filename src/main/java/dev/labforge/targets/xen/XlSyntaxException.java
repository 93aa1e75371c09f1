package dev.labforge.targets.xen;

/** An xl.cfg that Xen's parser (libxlutil) would refuse, or that this strict reader does not read. */
public final class XlSyntaxException extends Exception {
  private final int line;

  public XlSyntaxException(String file, int line, String reason) {
    super(file + ":" + line + ": " + reason);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
