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

  /** What a sudo user may do, in every target: cloud-init's sudo string, sudoers.d lines. */
  public static final String SUDO_RULE = "ALL=(ALL) NOPASSWD:ALL";

  public boolean hasPassword() {
    return passwordHash != null;
  }

  /** This user's sudo rule, or null when the user has no sudo. */
  public String sudoRule() {
    return sudo ? SUDO_RULE : null;
  }

  /** The line of a sudoers.d file that grants the rule, e.g. {@code lab ALL=(ALL) NOPASSWD:ALL}. */
  public String sudoersLine() {
    return name + " " + SUDO_RULE;
  }
}
