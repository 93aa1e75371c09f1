package dev.labforge.model;

/**
 * One entry of a machine's {@code expect} list, as the spec writes it: exactly one of
 * {@code command} (with an optional {@code stdout} pattern), {@code ping} (a machine name or an
 * address) or {@code tcp} ({@code HOST:PORT}) is set, the others are null. What it means in a
 * guest (a name's address as that machine sees it) is decided where the checks are planned.
 */
public record Expectation(String command, String stdout, String ping, String tcp) {

  /** The host part of {@code tcp}, or null. */
  public String tcpHost() {
    return tcp == null ? null : tcp.substring(0, tcp.lastIndexOf(':'));
  }

  /** The port of {@code tcp} (the expect rule has made sure it is 1 to 65535), or 0. */
  public int tcpPort() {
    return tcp == null ? 0 : Integer.parseInt(tcp.substring(tcp.lastIndexOf(':') + 1));
  }
}
