package dev.labforge.render;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A template's output as UTF-8 bytes in growing chunks, copied once into the file's array at the
 * end: a 30 MB lab-wide file is never also a doubling StringBuilder and a String beside its bytes.
 */
final class Utf8Chunks extends OutputStream {
  private static final int FIRST = 4 << 10;
  private static final int LARGEST = 1 << 20;
  private final List<byte[]> full = new ArrayList<>();
  private byte[] current = new byte[FIRST];
  private int used;
  private long size;

  @Override
  public void write(int b) {
    if (used == current.length) {
      next();
    }
    current[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (used == current.length) {
        next();
      }
      int n = Math.min(len, current.length - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  private void next() {
    full.add(current);
    current = new byte[Math.min(LARGEST, current.length * 2)];
    used = 0;
  }

  /** Above this size a copy of the chunks is not made ({@link TemplateRenderer#renderUtf8}). */
  static final long COPY_LIMIT = 1 << 20;

  long size() {
    return size;
  }

  /** A second rendering that does not have the size of the first. */
  static final class Resized extends java.io.IOException {
    Resized(String message) {
      super(message);
    }
  }

  /** Bytes written into an array of the size a first rendering measured; another size is {@link Resized}. */
  static final class Exact extends OutputStream {
    private final byte[] array;
    private int used;

    Exact(long size) {
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a rendered file over 2 GiB");
      }
      array = new byte[(int) size];
    }

    @Override
    public void write(int b) throws Resized {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws Resized {
      if (len > array.length - used) {
        throw new Resized("a template rendered more bytes the second time");
      }
      System.arraycopy(b, off, array, used, len);
      used += len;
    }

    byte[] array() throws Resized {
      if (used != array.length) {
        throw new Resized("a template rendered fewer bytes the second time");
      }
      return array;
    }
  }

  /** Every byte written, in order, to {@code out}. */
  void writeTo(OutputStream out) throws java.io.IOException {
    for (byte[] chunk : full) {
      out.write(chunk);
    }
    out.write(current, 0, used);
  }

  /** Every byte written, in one array. */
  byte[] toByteArray() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a rendered file over 2 GiB");
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] chunk : full) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    System.arraycopy(current, 0, all, at, used);
    return all;
  }
}
