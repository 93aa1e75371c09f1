package dev.labforge.model;

/**
 * One IPv4 address, as the unsigned 32-bit number it is. The model builder makes these from the
 * spec's text once; targets only print them ({@link #toString()}), never read text back.
 */
public record Address(long value) implements Comparable<Address> {
  static final long MAX = 0xffffffffL;

  public Address {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("not an IPv4 address: " + value);
    }
  }

  /** The address of four octets, e.g. {@code Address.of(192, 168, 56, 10)}. */
  public static Address of(int a, int b, int c, int d) {
    for (int octet : new int[] {a, b, c, d}) {
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an octet: " + octet);
      }
    }
    return new Address(((long) a << 24) | (b << 16) | (c << 8) | d);
  }

  /** The address {@code n} further on (or back, for a negative n). */
  public Address plus(long n) {
    return new Address(value + n);
  }

  /** This address with a prefix length, as an interface takes it: {@code 192.168.56.1/24}. */
  public String withPrefix(int prefix) {
    return this + "/" + prefix;
  }

  @Override
  public int compareTo(Address other) {
    return Long.compare(value, other.value);
  }

  /** Dotted quad, e.g. {@code 192.168.56.10}. */
  @Override
  public String toString() {
    return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
  }
}
