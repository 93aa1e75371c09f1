package dev.labforge.hcl;

/**
 * One lexical token: its kind and its span {@code [start, end)} in the source text. The text is cut
 * from the source when asked: a big lab's Terraform file is 700,000 tokens, and a String each
 * doubled what checking it held.
 */
record Token(Kind kind, int start, int end, String source) {

  String text() {
    return source.substring(start, end);
  }

  @Override
  public String toString() {
    return kind + " '" + text() + "' at " + start;
  }

  enum Kind {
    IDENT, NUMBER, NEWLINE, EOF,
    OBRACE, CBRACE, OBRACK, CBRACK, OPAREN, CPAREN,
    DOT, COMMA, STAR, SLASH, PERCENT, PLUS, MINUS, EQUAL, LT, GT, BANG, QUESTION, COLON,
    EQ, NE, GE, LE, AND, OR, ELLIPSIS, FAT_ARROW, DOUBLE_COLON,
    OQUOTE, CQUOTE, OHEREDOC, CHEREDOC, QUOTED_LIT, STRING_LIT,
    TEMPLATE_INTERP, TEMPLATE_CONTROL, TEMPLATE_SEQ_END
  }

  /** A {@code ${~}, {@code %{~} opener or {@code ~}} closer: strips whitespace next to it. */
  boolean trims() {
    return kind == Kind.TEMPLATE_SEQ_END ? source.startsWith("~", start) : end > start && source.charAt(end - 1) == '~';
  }
}
