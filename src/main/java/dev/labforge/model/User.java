package dev.labforge.model;

import java.util.List;

/** A login account. {@code passwordHash} is a crypt(3) string or null; clear text never gets here. */
public record User(
    String name,
    boolean sudo,
    List<String> sshAuthorizedKeys,
    String passwordHash,
    List<String> groups,
    String shell) {

  public boolean hasPassword() {
    return passwordHash != null;
  }
}
