package dev.labforge.targets.cloudinit.iso;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes an ISO 9660 image with Rock Ridge and Joliet, in pure Java and byte-reproducible: fixed
 * dates, no serial numbers, entries sorted. The label goes verbatim into the Joliet volume id
 * (what blkid and cloud-init read) and, upper-cased, into the primary one.
 *
 * <p>Layout: 16 empty sectors, primary and Joliet descriptors, terminator, the four path tables,
 * the primary then the Joliet directories, file data; the Rock Ridge ER entry in the unused tail of
 * the last file sector with room for it (else in one sector of its own before the file data).
 */
public final class IsoImage {
  public static final int SECTOR = 2048;
  private static final int FIRST_FREE = 19;

  private IsoImage() {}

  public static byte[] build(String label, SortedMap<String, byte[]> files) {
    IsoNode root = IsoNode.root();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      root.add(f.getKey(), f.getValue());
    }
    IsoNames.assign(root);
    List<IsoNode> primaryDirs = root.directoriesInLevelOrder(false);
    List<IsoNode> jolietDirs = root.directoriesInLevelOrder(true);
    for (int i = 0; i < primaryDirs.size(); i++) {
      primaryDirs.get(i).primary.number = i + 1;
      jolietDirs.get(i).joliet.number = i + 1;
    }
    int sector = FIRST_FREE;
    int ptPrimary = PathTable.of(primaryDirs, false, true).length;
    int ptJoliet = PathTable.of(jolietDirs, true, true).length;
    int lPrimary = sector;
    int mPrimary = lPrimary + sectors(ptPrimary);
    int lJoliet = mPrimary + sectors(ptPrimary);
    int mJoliet = lJoliet + sectors(ptJoliet);
    sector = mJoliet + sectors(ptJoliet);
    for (IsoNode dir : primaryDirs) {
      dir.primary.sector = sector;
      dir.primary.length = Directories.pack(Directories.primary(dir, 0, 0)).length;
      sector += sectors(dir.primary.length);
    }
    for (IsoNode dir : jolietDirs) {
      dir.joliet.sector = sector;
      dir.joliet.length = Directories.pack(Directories.joliet(dir)).length;
      sector += sectors(dir.joliet.length);
    }
    // The Rock Ridge ER lives in a continuation area. Sequential readers (libarchive) only follow
    // a CE that points forward, past the directories: so it goes into the unused tail of the last
    // file's last sector that has room for it (a reader of a file stops at its length), or, when no
    // file has that room, into a sector of its own before the file data. A seed ISO saves a sector.
    int erLength = RockRidge.er().length;
    List<IsoNode> data = new ArrayList<>();
    root.files(data);
    IsoNode host = null;
    for (IsoNode file : data) {
      int tail = file.data.length % SECTOR;
      if (tail != 0 && SECTOR - tail >= erLength) {
        host = file;
      }
    }
    int erSector = host == null ? sector++ : -1;
    int erOffset = 0;
    for (IsoNode file : data) {
      file.dataSector = sector;
      sector += sectors(file.data.length);
      if (file == host) {
        erSector = sector - 1;
        erOffset = file.data.length % SECTOR;
      }
    }
    IsoBytes out = new IsoBytes(sector * SECTOR).zeros(16 * SECTOR);
    out.bytes(VolumeDescriptors.primary(primaryLabel(label), sector, new VolumeDescriptors.Tree(
        Directories.rootRecord(root, false), ptPrimary, lPrimary, mPrimary)));
    out.bytes(VolumeDescriptors.joliet(label, sector, new VolumeDescriptors.Tree(
        Directories.rootRecord(root, true), ptJoliet, lJoliet, mJoliet)));
    out.bytes(VolumeDescriptors.terminator());
    out.bytes(PathTable.of(primaryDirs, false, true)).align(SECTOR);
    out.bytes(PathTable.of(primaryDirs, false, false)).align(SECTOR);
    out.bytes(PathTable.of(jolietDirs, true, true)).align(SECTOR);
    out.bytes(PathTable.of(jolietDirs, true, false)).align(SECTOR);
    for (IsoNode dir : primaryDirs) {
      out.bytes(Directories.pack(Directories.primary(dir, erSector, erOffset)));
    }
    for (IsoNode dir : jolietDirs) {
      out.bytes(Directories.pack(Directories.joliet(dir)));
    }
    if (host == null) {
      out.bytes(RockRidge.er()).align(SECTOR);
    }
    for (IsoNode file : data) {
      out.bytes(file.data);
      if (file == host) {
        out.bytes(RockRidge.er());
      }
      out.align(SECTOR);
    }
    if (out.size() != sector * SECTOR) {
      throw new IllegalStateException("layout mismatch: " + out.size() + " != " + sector * SECTOR);
    }
    return out.toArray();
  }

  /**
   * The primary volume id: upper case, as ECMA-119 wants, but the hyphen is kept (an a-character,
   * as most mastering tools write it): cidata becomes CIDATA and config-2 CONFIG-2. Both are
   * labels cloud-init searches for, so even a blkid that ignores Joliet finds the seed.
   */
  public static String primaryLabel(String label) {
    String upper = label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "_");
    return upper.length() > 32 ? upper.substring(0, 32) : upper;
  }

  static int sectors(int bytes) {
    return (bytes + SECTOR - 1) / SECTOR;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
