package dev.labforge.hcl;

/** The text being read, and turning offsets into {@code line:col} for errors. */
final class Source {
  final String name;
  final String text;

  Source(String name, String text) {
    this.name = name;
    this.text = text;
  }

  HclSyntaxException error(int offset, String reason) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new HclSyntaxException(name, line, column, reason);
  }
}
