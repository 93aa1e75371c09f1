package dev.labforge.hcl;

/** HCL that HashiCorp's parser would reject: where ({@code file:line:col}) and why. */
public final class HclSyntaxException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public HclSyntaxException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the position prefix. */
  public String reason() {
    return reason;
  }
}
