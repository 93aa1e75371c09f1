package dev.labforge.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** An inclusive run of addresses, {@code first} to {@code last}: a DHCP range, an allocation pool. */
public record AddressRange(Address first, Address last) {
  public AddressRange {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("empty range " + first + "-" + last);
    }
  }

  public long size() {
    return last.value() - first.value() + 1;
  }

  public boolean contains(Address a) {
    return first.compareTo(a) <= 0 && a.compareTo(last) <= 0;
  }

  /** The addresses as the fewest ranges, in order: runs of consecutive addresses become one. */
  public static List<AddressRange> runs(Collection<Address> addresses) {
    List<AddressRange> out = new ArrayList<>();
    Address first = null;
    Address last = null;
    for (Address a : new TreeSet<>(addresses)) {
      if (last != null && a.value() == last.value() + 1) {
        last = a;
        continue;
      }
      if (first != null) {
        out.add(new AddressRange(first, last));
      }
      first = a;
      last = a;
    }
    if (first != null) {
      out.add(new AddressRange(first, last));
    }
    return out;
  }

  /** {@code first-last}, e.g. {@code 10.0.0.3-10.0.0.5}. */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
