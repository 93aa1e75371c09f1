package dev.labforge.targets.cloudinit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The in-guest check program and cloud-init's per-boot hook that starts it, kept as files under
 * {@code src/main/resources/labforge/guest/} (so python3 and shellcheck read them) and shipped
 * unchanged in every seed and Vagrant provisioning.
 */
public final class GuestProgram {
  static final String DIR = "labforge/guest/";
  /** {@code /usr/local/sbin/labforge-check}: python3, which cloud-init itself needs in every guest. */
  public static final String CHECK = load("labforge-check.py");
  /** {@code /var/lib/cloud/scripts/per-boot/labforge-check}. */
  public static final String BOOT_HOOK = load("labforge-check-boot.sh");

  private GuestProgram() {}

  private static String load(String name) {
    try (InputStream in = GuestProgram.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("guest program not packed in the jar: " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
