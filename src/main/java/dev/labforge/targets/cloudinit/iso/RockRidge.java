package dev.labforge.targets.cloudinit.iso;

import java.nio.charset.StandardCharsets;

/**
 * The System Use Sharing Protocol (IEEE P1281) entries of the primary tree that make it Rock Ridge
 * (IEEE P1282, RRIP 1.10): SP marks SUSP in the root, ER names the extension (in a continuation
 * area, because it does not fit the root record), PX gives POSIX modes and NM the real name.
 */
final class RockRidge {
  static final String ER_ID = "RRIP_1991A";
  static final String ER_DESCRIPTOR =
      "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS";
  static final String ER_SOURCE = "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  "
      + "SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.";
  private static final int DIR_MODE = 040755;
  private static final int FILE_MODE = 0100644;

  private RockRidge() {}

  /** SP: "SUSP in use here", first entry of the root directory's "." record. */
  static byte[] sp() {
    return new byte[] {'S', 'P', 7, 1, (byte) 0xBE, (byte) 0xEF, 0};
  }

  /** CE: the rest of this record's entries continue at {@code sector}, byte {@code offset}. */
  static byte[] ce(int sector, int offset, int length) {
    return new IsoBytes(28).u8('C').u8('E').u8(28).u8(1).both32(sector).both32(offset).both32(length).toArray();
  }

  /** ER: the extension reference that tells readers the SUSP entries are Rock Ridge. */
  static byte[] er() {
    byte[] id = ER_ID.getBytes(StandardCharsets.US_ASCII);
    byte[] des = ER_DESCRIPTOR.getBytes(StandardCharsets.US_ASCII);
    byte[] src = ER_SOURCE.getBytes(StandardCharsets.US_ASCII);
    return new IsoBytes(240).u8('E').u8('R').u8(8 + id.length + des.length + src.length).u8(1)
        .u8(id.length).u8(des.length).u8(src.length).u8(1).bytes(id).bytes(des).bytes(src).toArray();
  }

  /** PX (RRIP 1.10 length): mode, links, uid 0, gid 0; fixed so images are reproducible. */
  static byte[] px(boolean directory) {
    return new IsoBytes(36).u8('P').u8('X').u8(36).u8(1)
        .both32(directory ? DIR_MODE : FILE_MODE).both32(directory ? 2 : 1).both32(0).both32(0).toArray();
  }

  /** NM: the file's real name, byte for byte (UTF-8). */
  static byte[] nm(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    if (b.length > 250) {
      throw new IllegalArgumentException("name too long for one NM entry: " + name);
    }
    return new IsoBytes(5 + b.length).u8('N').u8('M').u8(5 + b.length).u8(1).u8(0).bytes(b).toArray();
  }
}
