package dev.labforge.model;

import java.util.List;

/** An IPv4 network; {@code netmask} and {@code prefix} are derived from the CIDR. */
public record Network(
    String name,
    String cidr,
    String address,
    int prefix,
    String netmask,
    String gateway,
    boolean dhcp,
    List<String> dns,
    String kind) {}
