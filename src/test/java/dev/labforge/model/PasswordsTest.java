package dev.labforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hash of a spec password: its salt comes from public facts only, it carries raised rounds,
 * and implementations other than the one that made it (OpenSSL, the guest's glibc) agree.
 */
class PasswordsTest {
  static final List<String> PASSWORDS = List.of("change-me", "p@ss w0rd", "quote'\"back\\slash", "é✓中文😀", "$6$x$y");

  private static String salt(String hash) {
    return hash.substring(0, hash.lastIndexOf('$') + 1);
  }

  @Test
  void theSaltDependsOnTheLabAndTheUserNeverOnThePassword() {
    String a = Passwords.hash("lab", "ops", "first");
    String b = Passwords.hash("lab", "ops", "second");
    assertThat(salt(a)).isEqualTo(salt(b)).startsWith("$6$rounds=" + Passwords.ROUNDS + "$");
    assertThat(salt(a)).isEqualTo(Passwords.salt("lab", "ops") + "$");
    assertThat(salt(Passwords.hash("other", "ops", "first"))).isNotEqualTo(salt(a));
    assertThat(salt(Passwords.hash("lab", "dev", "first"))).isNotEqualTo(salt(a));
    assertThat(Passwords.ROUNDS).isGreaterThan(5000);
  }

  @Test
  void opensslComputesTheSameHash() throws Exception {
    RealTools.require("openssl");
    for (String password : PASSWORDS) {
      String hash = Passwords.hash("lab", "ops", password);
      String setting = hash.substring("$6$".length(), hash.lastIndexOf('$'));
      Path in = Files.createTempFile("pw", ".txt");
      try {
        Files.writeString(in, password + "\n");
        Tools.Run run = Tools.system().run(in.getParent(), Map.of(), 60, "sh", "-c",
            "openssl passwd -6 -salt \"$1\" -stdin < \"$2\"", "sh", setting, in.toString());
        assertThat(run.output().strip()).as(password).isEqualTo(hash);
      } finally {
        Files.deleteIfExists(in);
      }
    }
  }

  @Test
  void theGuestsLibcAcceptsAndVerifiesTheHash() throws Exception {
    RealTools.require("/usr/bin/python3");
    List<String> lines = new ArrayList<>();
    for (String password : PASSWORDS) {
      lines.add(Passwords.hash("lab", "ops", password));
    }
    Path dir = Files.createTempDirectory("pw");
    try {
      Files.write(dir.resolve("hashes"), lines);
      Files.write(dir.resolve("passwords"), PASSWORDS);
      Files.writeString(dir.resolve("check.py"), String.join("\n",
          "import crypt",
          "hashes = open('hashes', encoding='utf-8').read().splitlines()",
          "passwords = open('passwords', encoding='utf-8').read().splitlines()",
          "for h, p in zip(hashes, passwords):",
          "    print('ok' if crypt.crypt(p, h) == h else 'MISMATCH ' + h)", ""));
      Tools.Run run = Tools.system().run(dir, Map.of(), 60, "/usr/bin/python3", "-W", "ignore", "check.py");
      assertThat(run.output().lines().toList()).as(run.output()).hasSize(PASSWORDS.size()).containsOnly("ok");
    } finally {
      for (String f : List.of("hashes", "passwords", "check.py")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }
}
