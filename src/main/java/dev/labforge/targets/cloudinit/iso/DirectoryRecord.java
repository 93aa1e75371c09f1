package dev.labforge.targets.cloudinit.iso;

/** ECMA-119 9.1 directory records, with a fixed recording date so images are reproducible. */
final class DirectoryRecord {
  /** 2000-01-01 00:00:00 UTC, as years since 1900, month, day, hour, minute, second, offset. */
  static final byte[] DATE = {100, 1, 1, 0, 0, 0, 0};
  static final byte[] SELF = {0};
  static final byte[] PARENT = {1};

  private DirectoryRecord() {}

  static byte[] of(int sector, int length, boolean directory, byte[] identifier, byte[] systemUse) {
    int base = 33 + identifier.length + (identifier.length % 2 == 0 ? 1 : 0);
    int total = base + systemUse.length;
    total += total % 2;
    if (total > 255) {
      throw new IllegalArgumentException("directory record of " + total + " bytes exceeds 255");
    }
    IsoBytes out = new IsoBytes(total)
        .u8(total).u8(0).both32(sector).both32(length).bytes(DATE)
        .u8(directory ? 2 : 0).u8(0).u8(0).both16(1).u8(identifier.length).bytes(identifier);
    if (identifier.length % 2 == 0) {
      out.u8(0);
    }
    out.bytes(systemUse);
    return out.zeros(total - out.size()).toArray();
  }

  /** Concatenation helper for system use fields. */
  static byte[] concat(byte[]... parts) {
    IsoBytes out = new IsoBytes(64);
    for (byte[] p : parts) {
      out.bytes(p);
    }
    return out.toArray();
  }
}
