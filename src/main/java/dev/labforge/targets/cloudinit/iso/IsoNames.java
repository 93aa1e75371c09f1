package dev.labforge.targets.cloudinit.iso;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names in both trees. The primary tree gets ISO 9660 level 1 names (8.3, upper-case
 * d-characters, ";1" on files), which every reader accepts; Rock Ridge NM and Joliet carry the
 * real lower-case long names that Linux and xorriso show.
 */
final class IsoNames {
  static final Comparator<IsoNode> PRIMARY_ORDER = Comparator
      .comparing((IsoNode n) -> padded(base(n.primaryId), 8))
      .thenComparing(n -> padded(extension(n.primaryId), 3));
  static final Comparator<IsoNode> JOLIET_ORDER = (a, b) -> Arrays.compareUnsigned(ucs2(a.jolietId), ucs2(b.jolietId));

  private IsoNames() {}

  /** Gives every child of every directory a unique primary and Joliet identifier. */
  static void assign(IsoNode dir) {
    Set<String> used = new HashSet<>();
    Set<String> usedJoliet = new HashSet<>();
    for (IsoNode child : dir.children.values()) {
      child.primaryId = unique(child, used);
      child.jolietId = joliet(child, usedJoliet);
      if (child.isDirectory()) {
        assign(child);
      }
    }
  }

  static byte[] ucs2(String s) {
    return s.getBytes(StandardCharsets.UTF_16BE);
  }

  private static String unique(IsoNode node, Set<String> used) {
    String name = node.name;
    int dot = node.isDirectory() ? -1 : name.lastIndexOf('.');
    String base = dChars(dot < 0 ? name : name.substring(0, dot));
    String ext = dot < 0 ? "" : dChars(name.substring(dot + 1));
    base = base.isEmpty() ? "_" : base.substring(0, Math.min(8, base.length()));
    ext = ext.substring(0, Math.min(3, ext.length()));
    String candidate = base;
    for (int n = 1; !used.add(candidate + "." + ext); n++) {
      String suffix = Integer.toString(n);
      candidate = base.substring(0, Math.min(base.length(), 8 - suffix.length())) + suffix;
    }
    return node.isDirectory() ? candidate : candidate + "." + ext + ";1";
  }

  /**
   * Joliet forbids * / : ; ? \ and allows 64 UCS-2 units; files carry the ";1" version. A name
   * cut to 64 that clashes gets a ~N tail (Rock Ridge still shows the full name).
   */
  private static String joliet(IsoNode node, Set<String> used) {
    String name = node.name.replaceAll("[*/:;?\\\\]", "_");
    String candidate = name.length() > 64 ? name.substring(0, 64) : name;
    for (int n = 1; !used.add(candidate); n++) {
      String tail = "~" + n;
      candidate = name.substring(0, Math.min(name.length(), 64 - tail.length())) + tail;
    }
    return node.isDirectory() ? candidate : candidate + ";1";
  }

  private static String dChars(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  private static String base(String id) {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  private static String extension(String id) {
    int dot = id.indexOf('.');
    int semi = id.indexOf(';');
    return dot < 0 ? "" : id.substring(dot + 1, semi < 0 ? id.length() : semi);
  }

  private static String padded(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
