package dev.labforge.spec;

import java.util.Optional;

/** IPv4 addresses as unsigned ints: parsing, formatting and CIDR arithmetic. */
public final class Ipv4 {
  private Ipv4() {}

  /** Strict dotted quad: four decimal octets 0..255, no leading zeros (which some tools read as octal). */
  public static Optional<Long> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || (part.length() > 1 && part.startsWith("0"))) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
    }
    return Optional.of(value);
  }

  public static String format(long value) {
    return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
  }

  public static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
  }

  /** A parsed CIDR; {@code exact} is false when host bits were set (192.168.1.5/24). */
  public record Cidr(long network, int prefix, boolean exact) {
    public static Optional<Cidr> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      int slash = text.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      Optional<Long> address = Ipv4.parse(text.substring(0, slash));
      String bits = text.substring(slash + 1);
      if (address.isEmpty() || bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int prefix = Integer.parseInt(bits);
      if (prefix > 32) {
        return Optional.empty();
      }
      long network = address.get() & mask(prefix);
      return Optional.of(new Cidr(network, prefix, network == address.get()));
    }

    public long broadcast() {
      return network | (~mask(prefix) & 0xffffffffL);
    }

    public boolean contains(long address) {
      return (address & mask(prefix)) == network;
    }

    public boolean overlaps(Cidr other) {
      return contains(other.network) || other.contains(network);
    }

    public String netmask() {
      return format(mask(prefix));
    }

    @Override
    public String toString() {
      return format(network) + "/" + prefix;
    }
  }
}
