package dev.labforge.hcl;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * The lexer's tokens as three arrays (kind, start, end) over one source text, made into a
 * {@link Token} only when the parser looks at one: a big lab's Terraform file is 700,000 tokens,
 * and an object each was the largest thing checking it held.
 */
final class Tokens extends AbstractList<Token> {
  private static final Token.Kind[] KINDS = Token.Kind.values();
  private final String source;
  private byte[] kinds = new byte[1024];
  private int[] starts = new int[1024];
  private int[] ends = new int[1024];
  private int size;

  Tokens(String source) {
    this.source = source;
  }

  void add(Token.Kind kind, int start, int end) {
    if (size == kinds.length) {
      int grown = size + (size >> 1);
      kinds = Arrays.copyOf(kinds, grown);
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
    }
    kinds[size] = (byte) kind.ordinal();
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  @Override
  public Token get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return new Token(KINDS[kinds[index]], starts[index], ends[index], source);
  }

  @Override
  public int size() {
    return size;
  }
}
