package dev.labforge.output;

/** An output path is a plain relative path under {@code out/<lab>/}: nothing can climb out. */
public final class OutputPaths {
  private OutputPaths() {}

  /** Null when the path is safe, else why not. */
  public static String problem(String path) {
    if (path == null || path.isEmpty()) {
      return "empty";
    }
    if (path.startsWith("/") || path.contains("\\") || path.contains("\u0000") || path.contains(":")) {
      return "must be relative, with '/' separators";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "must be normalized (no empty, '.' or '..' segments)";
      }
    }
    return null;
  }
}
