package dev.labforge.model;

import dev.labforge.spec.Prefetch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-512 crypt of a spec's clear-text password. The output must be byte-identical on every run,
 * so the salt cannot be random; it is derived from public, stable facts only (the lab and the user
 * name), never from the password: a salt that depends on the password would let anyone holding
 * the hash test a guess with one SHA-256 instead of a full crypt. Two labs, or two users, never
 * share a hash for the same password. {@code rounds} is raised from crypt's default 5000.
 */
public final class Passwords {
  /** glibc accepts 1000 to 999999999; every hash in user-data, the Vagrantfile and seeds uses this. */
  public static final int ROUNDS = 50_000;
  private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final Map<List<String>, String> HASHES = new ConcurrentHashMap<>();

  private Passwords() {}

  /** The salt, {@code $6$rounds=N$<16 chars>}, from the lab and user names alone. */
  public static String salt(String lab, String user) {
    byte[] h = Ids.sha256("password-salt", lab, user);
    StringBuilder salt = new StringBuilder("$6$rounds=" + ROUNDS + "$");
    for (int i = 0; i < 16; i++) {
      salt.append(SALT_CHARS.charAt((h[i] & 0xff) % SALT_CHARS.length()));
    }
    return salt.toString();
  }

  /**
   * Starts hashing the clear-text passwords of a spec that is still being checked, on another
   * core: 50,000 rounds take a good part of a small lab's run, and the model then finds them done.
   * Anything odd in the tree is skipped here; the checks report it.
   */
  public static void prefetch(com.fasterxml.jackson.databind.JsonNode spec) {
    if (!spec.path("name").isTextual()) {
      return;
    }
    String lab = spec.path("name").asText();
    java.util.List<com.fasterxml.jackson.databind.JsonNode> lists = new java.util.ArrayList<>();
    lists.add(spec.path("defaults").path("users"));
    spec.path("machines").forEach(m -> lists.add(m.path("users")));
    java.util.Set<List<String>> wanted = new java.util.LinkedHashSet<>();
    for (com.fasterxml.jackson.databind.JsonNode list : lists) {
      for (com.fasterxml.jackson.databind.JsonNode u : list) {
        if (u.path("name").isTextual() && u.path("password").isTextual()) {
          wanted.add(List.of(u.path("name").asText(), u.path("password").asText()));
        }
      }
    }
    for (List<String> w : wanted) {
      Prefetch.start(() -> hash(lab, w.get(0), w.get(1)));
    }
  }

  public static String hash(String lab, String user, String password) {
    // the same user on 1,000 machines has one hash; 50,000 rounds per machine would dominate gen
    return HASHES.computeIfAbsent(List.of(lab, user, password),
        k -> Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt(lab, user)));
  }
}
