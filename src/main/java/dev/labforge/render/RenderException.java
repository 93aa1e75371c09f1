package dev.labforge.render;

/** A template or an output failed its own checks: a labforge bug, exit 3. */
public class RenderException extends Exception {
  private final String origin;

  public RenderException(String origin, Throwable cause) {
    super(origin + ": " + firstLine(cause.getMessage()), cause);
    this.origin = origin;
  }

  public RenderException(String origin, String message) {
    super(origin + ": " + message);
    this.origin = origin;
  }

  public String origin() {
    return origin;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "failed";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
