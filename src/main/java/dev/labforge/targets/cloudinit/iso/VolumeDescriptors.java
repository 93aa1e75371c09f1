package dev.labforge.targets.cloudinit.iso;

/**
 * ECMA-119 8.4 primary and Joliet supplementary volume descriptors. Dates are fixed and the
 * identifiers constant, so the same files always give the same image.
 */
final class VolumeDescriptors {
  private static final String CREATED = "2000010100000000";
  private static final String UNSET = "0000000000000000";
  private static final String APPLICATION = "LABFORGE";

  /** Where the tree a descriptor points at lives. */
  record Tree(byte[] rootRecord, int pathTableSize, int lPathTable, int mPathTable) {}

  private VolumeDescriptors() {}

  static byte[] primary(String volumeId, int volumeSectors, Tree tree) {
    IsoBytes out = header(1);
    out.u8(0).ascii("", 32).ascii(volumeId, 32).zeros(8).both32(volumeSectors).zeros(32);
    tail(out, tree, false);
    return out.toArray();
  }

  /** The Joliet descriptor: escape sequence "%/E" (UCS-2 level 3) and UCS-2 identifiers. */
  static byte[] joliet(String volumeId, int volumeSectors, Tree tree) {
    IsoBytes out = header(2);
    out.u8(0).ucs2("", 32).ucs2(volumeId, 32).zeros(8).both32(volumeSectors)
        .u8('%').u8('/').u8('E').zeros(29);
    tail(out, tree, true);
    return out.toArray();
  }

  static byte[] terminator() {
    return header(255).align(IsoImage.SECTOR).toArray();
  }

  private static IsoBytes header(int type) {
    return new IsoBytes(IsoImage.SECTOR).u8(type).ascii("CD001", 5).u8(1);
  }

  private static void tail(IsoBytes out, Tree tree, boolean ucs2) {
    out.both16(1).both16(1).both16(IsoImage.SECTOR).both32(tree.pathTableSize())
        .le32(tree.lPathTable()).le32(0).be32(tree.mPathTable()).be32(0)
        .bytes(tree.rootRecord());
    text(out, "", 128, ucs2);
    text(out, "", 128, ucs2);
    text(out, APPLICATION, 128, ucs2);
    text(out, APPLICATION, 128, ucs2);
    text(out, "", 37, ucs2);
    text(out, "", 37, ucs2);
    text(out, "", 37, ucs2);
    out.ascii(CREATED, 16).u8(0).ascii(CREATED, 16).u8(0).ascii(UNSET, 16).u8(0).ascii(UNSET, 16).u8(0);
    out.u8(1).u8(0).align(IsoImage.SECTOR);
  }

  private static void text(IsoBytes out, String s, int width, boolean ucs2) {
    if (ucs2) {
      out.ucs2(s, width);
    } else {
      out.ascii(s, width);
    }
  }
}
