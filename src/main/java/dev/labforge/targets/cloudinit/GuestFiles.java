package dev.labforge.targets.cloudinit;

import dev.labforge.model.Forwarding;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Machine;
import dev.labforge.model.Script;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The spec's files, then its scripts, then a router's sysctl file, as write_files entries. Every entry is deferred to the final
 * stage: owners like lab:lab exist only after users-groups ran, and a file under a data disk's
 * mount point would otherwise be hidden by the mount.
 */
public final class GuestFiles {
  public static final String SCRIPT_MODE = "0755";
  public static final String ROOT_OWNER = "root:root";

  /**
   * One file; {@code encoding} is "b64" (and {@code content} base64) or null (content as is).
   * {@code defer} is false only for labforge's own root-owned files that must exist early
   * (/etc/hosts, before the hostname is set).
   */
  public record GuestFileEntry(String path, String permissions, String owner, String encoding, String content,
      boolean defer) {
    public GuestFileEntry(String path, String permissions, String owner, String encoding, String content) {
      this(path, permissions, owner, encoding, content, true);
    }
  }

  private GuestFiles() {}

  public static List<GuestFileEntry> of(Machine machine) {
    List<GuestFileEntry> entries = new ArrayList<>();
    for (GuestFile f : machine.files()) {
      entries.add(entry(f.path(), f.content(), f.permissions(), f.owner()));
    }
    for (Script s : machine.scripts()) {
      entries.add(entry(s.guestPath(), s.content(), SCRIPT_MODE, ROOT_OWNER));
    }
    if (machine.forwarding()) {
      entries.add(entry(Forwarding.SYSCTL_FILE, Forwarding.SYSCTL_CONTENT, "0644", ROOT_OWNER));
    }
    return entries;
  }

  static GuestFileEntry entry(String path, String content, String permissions, String owner) {
    if (needsBase64(content)) {
      String b64 = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
      return new GuestFileEntry(path, permissions, owner, "b64", b64);
    }
    return new GuestFileEntry(path, permissions, owner, null, content);
  }

  /**
   * Control characters other than tab, LF and CR mark binary-like content. YAML escapes could
   * carry them, but YAML 1.1 readers differ on which escapes they know; base64 is exact everywhere.
   */
  public static boolean needsBase64(String content) {
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }
}
