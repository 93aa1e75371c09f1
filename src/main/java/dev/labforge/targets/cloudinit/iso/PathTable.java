package dev.labforge.targets.cloudinit.iso;

import java.util.List;

/** ECMA-119 9.4 path tables: every directory in level order, little- (L) or big-endian (M). */
final class PathTable {
  private PathTable() {}

  static byte[] of(List<IsoNode> dirs, boolean joliet, boolean littleEndian) {
    IsoBytes out = new IsoBytes(256);
    for (IsoNode dir : dirs) {
      IsoNode.Placement at = joliet ? dir.joliet : dir.primary;
      IsoNode parent = dir.parent == null ? dir : dir.parent;
      int parentNumber = (joliet ? parent.joliet : parent.primary).number;
      byte[] id = dir.parent == null ? DirectoryRecord.SELF
          : joliet ? IsoNames.ucs2(dir.jolietId) : IsoImage.ascii(dir.primaryId);
      out.u8(id.length).u8(0);
      if (littleEndian) {
        out.le32(at.sector).le16(parentNumber);
      } else {
        out.be32(at.sector).be16(parentNumber);
      }
      out.bytes(id);
      if (id.length % 2 == 1) {
        out.u8(0);
      }
    }
    return out.toArray();
  }
}
