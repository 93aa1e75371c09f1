package dev.labforge.render.hcl;

/** One lexical token: its kind and its span {@code [start, end)} in the source text. */
record Token(Kind kind, int start, int end, String text) {

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
    return kind == Kind.TEMPLATE_SEQ_END ? text.startsWith("~") : text.endsWith("~");
  }
}
