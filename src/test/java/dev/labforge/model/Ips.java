package dev.labforge.model;

import dev.labforge.spec.Ipv4;

/** Typed addresses from text, for tests: main code makes them only in the model builder. */
public final class Ips {
  private Ips() {}

  public static Address ip(String text) {
    return new Address(Ipv4.parse(text).orElseThrow(() -> new IllegalArgumentException(text)));
  }

  public static Subnet subnet(String text) {
    Ipv4.Cidr cidr = Ipv4.Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
    if (!cidr.exact()) {
      throw new IllegalArgumentException(text + " has host bits set");
    }
    return new Subnet(new Address(cidr.network()), cidr.prefix());
  }
}
