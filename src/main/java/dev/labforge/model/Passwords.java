package dev.labforge.model;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-512 crypt with a salt derived from the lab, the user and the password, so the output is
 * byte-identical on every run while two labs never share a hash for the same password.
 */
public final class Passwords {
  private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Passwords() {}

  public static String hash(String lab, String user, String password) {
    byte[] h = Ids.sha256("salt", lab, user, password);
    StringBuilder salt = new StringBuilder("$6$");
    for (int i = 0; i < 16; i++) {
      salt.append(SALT_CHARS.charAt((h[i] & 0xff) % SALT_CHARS.length()));
    }
    return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt.toString());
  }
}
