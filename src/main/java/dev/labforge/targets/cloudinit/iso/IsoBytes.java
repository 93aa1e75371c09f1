package dev.labforge.targets.cloudinit.iso;

import java.nio.charset.StandardCharsets;

/** A growable byte buffer with ISO 9660's field encodings (both-endian numbers, padded text). */
final class IsoBytes {
  private byte[] buf;
  private int size;

  IsoBytes(int capacity) {
    buf = new byte[Math.max(capacity, 16)];
  }

  int size() {
    return size;
  }

  IsoBytes u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  IsoBytes bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  IsoBytes zeros(int n) {
    ensure(n);
    size += n;
    return this;
  }

  IsoBytes le16(int v) {
    return u8(v).u8(v >>> 8);
  }

  IsoBytes be16(int v) {
    return u8(v >>> 8).u8(v);
  }

  IsoBytes le32(long v) {
    return u8((int) v).u8((int) (v >>> 8)).u8((int) (v >>> 16)).u8((int) (v >>> 24));
  }

  IsoBytes be32(long v) {
    return u8((int) (v >>> 24)).u8((int) (v >>> 16)).u8((int) (v >>> 8)).u8((int) v);
  }

  /** ECMA-119 7.2.3: a 16-bit number written little-endian, then big-endian. */
  IsoBytes both16(int v) {
    return le16(v).be16(v);
  }

  /** ECMA-119 7.3.3: a 32-bit number written little-endian, then big-endian. */
  IsoBytes both32(long v) {
    return le32(v).be32(v);
  }

  /** ASCII text padded with spaces to {@code width} bytes. */
  IsoBytes ascii(String s, int width) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length > width) {
      throw new IllegalArgumentException("'" + s + "' is longer than " + width + " bytes");
    }
    bytes(b);
    for (int i = b.length; i < width; i++) {
      u8(' ');
    }
    return this;
  }

  /** UCS-2 big-endian text (Joliet) padded with UCS-2 spaces; an odd last byte stays zero. */
  IsoBytes ucs2(String s, int width) {
    byte[] b = s.getBytes(StandardCharsets.UTF_16BE);
    if (b.length > width) {
      throw new IllegalArgumentException("'" + s + "' is longer than " + width + " bytes");
    }
    bytes(b);
    int i = b.length;
    for (; i + 1 < width; i += 2) {
      u8(0).u8(' ');
    }
    return zeros(width - i);
  }

  /** Zero-fill up to the next multiple of {@code block}. */
  IsoBytes align(int block) {
    int rest = size % block;
    return rest == 0 ? this : zeros(block - rest);
  }

  byte[] toArray() {
    byte[] out = new byte[size];
    System.arraycopy(buf, 0, out, 0, size);
    return out;
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, size + n)];
      System.arraycopy(buf, 0, bigger, 0, size);
      buf = bigger;
    }
  }
}
