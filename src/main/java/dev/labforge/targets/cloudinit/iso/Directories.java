package dev.labforge.targets.cloudinit.iso;

import java.util.ArrayList;
import java.util.List;

/** The records of one directory in either tree, and their packing into sectors. */
final class Directories {
  private Directories() {}

  /** The primary tree: Rock Ridge PX and NM on every record, SP and CE on the root's ".". */
  static List<byte[]> primary(IsoNode dir, int erSector, int erOffset) {
    List<byte[]> records = new ArrayList<>();
    IsoNode parent = dir.parent == null ? dir : dir.parent;
    byte[] selfUse = dir.parent == null
        ? DirectoryRecord.concat(RockRidge.sp(), RockRidge.px(true), RockRidge.ce(erSector, erOffset, RockRidge.er().length))
        : RockRidge.px(true);
    records.add(DirectoryRecord.of(dir.primary.sector, dir.primary.length, true, DirectoryRecord.SELF, selfUse));
    records.add(DirectoryRecord.of(parent.primary.sector, parent.primary.length, true, DirectoryRecord.PARENT,
        RockRidge.px(true)));
    for (IsoNode child : dir.sortedChildren(false)) {
      byte[] use = DirectoryRecord.concat(RockRidge.px(child.isDirectory()), RockRidge.nm(child.name));
      records.add(child.isDirectory()
          ? DirectoryRecord.of(child.primary.sector, child.primary.length, true, IsoImage.ascii(child.primaryId), use)
          : DirectoryRecord.of(child.dataSector, child.data.length, false, IsoImage.ascii(child.primaryId), use));
    }
    return records;
  }

  static List<byte[]> joliet(IsoNode dir) {
    List<byte[]> records = new ArrayList<>();
    IsoNode parent = dir.parent == null ? dir : dir.parent;
    byte[] none = new byte[0];
    records.add(DirectoryRecord.of(dir.joliet.sector, dir.joliet.length, true, DirectoryRecord.SELF, none));
    records.add(DirectoryRecord.of(parent.joliet.sector, parent.joliet.length, true, DirectoryRecord.PARENT, none));
    for (IsoNode child : dir.sortedChildren(true)) {
      byte[] id = IsoNames.ucs2(child.jolietId);
      records.add(child.isDirectory()
          ? DirectoryRecord.of(child.joliet.sector, child.joliet.length, true, id, none)
          : DirectoryRecord.of(child.dataSector, child.data.length, false, id, none));
    }
    return records;
  }

  /** The 34-byte root record inside a volume descriptor (no system use there). */
  static byte[] rootRecord(IsoNode root, boolean joliet) {
    IsoNode.Placement at = joliet ? root.joliet : root.primary;
    return DirectoryRecord.of(at.sector, at.length, true, DirectoryRecord.SELF, new byte[0]);
  }

  /** Records never straddle a sector boundary (ECMA-119 6.8.1.1); the size is whole sectors. */
  static byte[] pack(List<byte[]> records) {
    IsoBytes out = new IsoBytes(IsoImage.SECTOR);
    for (byte[] r : records) {
      if (out.size() % IsoImage.SECTOR + r.length > IsoImage.SECTOR) {
        out.align(IsoImage.SECTOR);
      }
      out.bytes(r);
    }
    return out.align(IsoImage.SECTOR).toArray();
  }
}
