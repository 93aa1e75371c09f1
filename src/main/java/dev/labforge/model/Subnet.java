package dev.labforge.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An IPv4 network: its address (no host bits set) and prefix length, 0 to 32. Every piece of address
 * arithmetic a target needs is a method here, so no target computes or parses one itself.
 *
 * <p>Host addresses are those between the network and broadcast addresses; a /31 has two and a
 * /32 one, both without network or broadcast address (RFC 3021). Lab networks are /8 to /30 (the
 * address rule); routes may name any prefix.
 */
public record Subnet(Address network, int prefix) {
  public Subnet {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix out of range: " + prefix);
    }
    if ((network.value() & mask(prefix)) != network.value()) {
      throw new IllegalArgumentException(network + "/" + prefix + " has host bits set");
    }
  }

  /** The subnet of prefix length {@code prefix} that holds {@code any} (host bits cleared). */
  public static Subnet of(Address any, int prefix) {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix out of range: " + prefix);
    }
    return new Subnet(new Address(any.value() & mask(prefix)), prefix);
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (Address.MAX << (32 - prefix)) & Address.MAX;
  }

  /** The mask as an address, e.g. {@code 255.255.255.0} for a /24. */
  public Address netmask() {
    return new Address(mask(prefix));
  }

  /** The last address of the subnet (for a /31 or /32, its last host). */
  public Address broadcast() {
    return new Address(network.value() | (~mask(prefix) & Address.MAX));
  }

  /** How many addresses the subnet spans, network and broadcast included. */
  public long size() {
    return 1L << (32 - prefix);
  }

  public Address firstHost() {
    return prefix >= 31 ? network : network.plus(1);
  }

  public Address lastHost() {
    return prefix >= 31 ? broadcast() : broadcast().plus(-1);
  }

  public long hostCount() {
    return lastHost().value() - firstHost().value() + 1;
  }

  /** The {@code n}th host address, from 1: {@code host(1)} is {@link #firstHost()}. */
  public Address host(long n) {
    if (n < 1 || n > hostCount()) {
      throw new IllegalArgumentException(this + " has no host " + n);
    }
    return firstHost().plus(n - 1);
  }

  /** Every host address, lowest first; lazy, so a /8 costs nothing until it is walked. */
  public Stream<Address> hosts() {
    return LongStream.rangeClosed(firstHost().value(), lastHost().value()).mapToObj(Address::new);
  }

  /** The gateway a network has when the spec names none: its first host address. */
  public Address defaultGateway() {
    return firstHost();
  }

  /**
   * Where a DHCP server hands out addresses: the upper half of the host addresses, since derived
   * static addresses grow from the bottom (.10 on).
   */
  public AddressRange dhcpRange() {
    return new AddressRange(firstHost().plus(hostCount() / 2), lastHost());
  }

  public boolean contains(Address a) {
    return (a.value() & mask(prefix)) == network.value();
  }

  /** Whether every address of {@code other} is in this subnet. */
  public boolean contains(Subnet other) {
    return prefix <= other.prefix && contains(other.network);
  }

  /** The highest host address not in {@code taken}, or empty when every one is. */
  public Optional<Address> highestFreeHost(Set<Address> taken) {
    for (long a = lastHost().value(); a >= firstHost().value(); a--) {
      Address candidate = new Address(a);
      if (!taken.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Every host address except {@code taken}, as the fewest ranges, lowest first; taken addresses outside count for nothing. */
  public List<AddressRange> freeRanges(Collection<Address> taken) {
    List<AddressRange> out = new ArrayList<>();
    long next = firstHost().value();
    for (Address used : new TreeSet<>(taken)) {
      if (used.value() < next || used.value() > lastHost().value()) {
        continue;
      }
      if (used.value() > next) {
        out.add(new AddressRange(new Address(next), used.plus(-1)));
      }
      next = used.value() + 1;
    }
    if (next <= lastHost().value()) {
      out.add(new AddressRange(new Address(next), lastHost()));
    }
    return out;
  }

  /** {@code network/prefix}, e.g. {@code 192.168.56.0/24}. */
  @Override
  public String toString() {
    return network.withPrefix(prefix);
  }
}
