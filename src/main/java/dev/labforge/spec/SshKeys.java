package dev.labforge.spec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Checks an OpenSSH public key line by decoding its blob and comparing the embedded type. */
public final class SshKeys {
  public static final Set<String> TYPES = Set.of(
      "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

  private SshKeys() {}

  /** Empty when the key is well formed, else what is wrong with it. */
  public static Optional<String> problem(String line) {
    if (line.contains("\n") || line.contains("\r")) {
      return Optional.of("an SSH public key must be a single line");
    }
    String[] parts = line.strip().split("\\s+", 3);
    if (parts.length < 2) {
      return Optional.of("not an OpenSSH public key; expected 'TYPE BASE64 [COMMENT]'");
    }
    String type = parts[0];
    if (!TYPES.contains(type)) {
      return Optional.of("unsupported key type '" + type + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return Optional.of("the key data is not valid base64");
    }
    ByteBuffer in = ByteBuffer.wrap(blob);
    if (in.remaining() < 4) {
      return Optional.of("the key data is truncated");
    }
    int length = in.getInt();
    if (length < 1 || length > in.remaining()) {
      return Optional.of("the key data is truncated");
    }
    byte[] inner = new byte[length];
    in.get(inner);
    String embedded = new String(inner, StandardCharsets.US_ASCII);
    if (!embedded.equals(type)) {
      return Optional.of("the key says '" + type + "' but its data holds a '" + embedded + "' key");
    }
    if (type.equals("ssh-ed25519") && blob.length != 4 + 11 + 4 + 32) {
      return Optional.of("an ssh-ed25519 key must hold 32 bytes of key data");
    }
    if (type.equals("ssh-rsa") && blob.length < 4 + 7 + 4 + 1 + 4 + 128) {
      return Optional.of("the ssh-rsa key data is too short to be a real key");
    }
    return Optional.empty();
  }
}
