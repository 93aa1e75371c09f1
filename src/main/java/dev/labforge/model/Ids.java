package dev.labforge.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;

/** Identifiers derived from content by SHA-256, so the same spec always gives the same ids. */
public final class Ids {
  /** An ISO 9660 image starts with a 32 KiB system area of zeros. */
  static final int ZERO_PREFIX = 32 * 1024;
  private static final byte[] ZEROS = new byte[ZERO_PREFIX];
  private static final java.security.MessageDigest AFTER_ZEROS = DigestUtils.getSha256Digest();

  static {
    AFTER_ZEROS.update(ZEROS);
  }

  private Ids() {}

  public static byte[] sha256(String... parts) {
    return DigestUtils.sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file's SHA-256, as the manifest lists it. Every seed ISO starts with the same 32 KiB of
   * zeros, half of its bytes: their digest state is computed once and cloned, which takes a third
   * off the hashing of a big lab (without C2, SHA-256 runs without the CPU's SHA instructions).
   */
  public static String sha256Hex(byte[] content) {
    if (content.length >= ZERO_PREFIX && java.util.Arrays.mismatch(content, 0, ZERO_PREFIX, ZEROS, 0, ZERO_PREFIX) == -1) {
      try {
        java.security.MessageDigest digest = (java.security.MessageDigest) AFTER_ZEROS.clone();
        digest.update(content, ZERO_PREFIX, content.length - ZERO_PREFIX);
        return HexFormat.of().formatHex(digest.digest());
      } catch (CloneNotSupportedException e) {
        // every JDK's SHA-256 clones; should one not, hash the ordinary way
      }
    }
    return DigestUtils.sha256Hex(content);
  }

  /** A locally administered, unicast MAC in QEMU's 52:54:00 range; {@code salt} resolves clashes. */
  public static String mac(String lab, String machine, int nic, int salt) {
    byte[] h = sha256("mac", lab, machine, Integer.toString(nic), Integer.toString(salt));
    return String.format("52:54:00:%02x:%02x:%02x", h[0] & 0xff, h[1] & 0xff, h[2] & 0xff);
  }

  /** {@code iid-} and 16 hex digits of the hash of a machine's content. */
  public static String instanceId(byte[] machineContent) {
    return "iid-" + HexFormat.of().formatHex(DigestUtils.sha256(machineContent), 0, 8);
  }

  /** A name-based (version 3 style, but SHA-256 fed) UUID for an instance id. */
  public static String uuidOf(String instanceId) {
    byte[] h = sha256("uuid", instanceId);
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (h[i] & 0xff);
      lsb = (lsb << 8) | (h[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }
}
