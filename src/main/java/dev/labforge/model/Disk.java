package dev.labforge.model;

/**
 * An extra data disk. {@code device} is its Linux name on a virtio bus (vdb, vdc, ...), in spec
 * order after the root disk; {@code mount} may be null (left unformatted).
 */
public record Disk(String name, long sizeMib, String mount, String fs, String device) {

  public long sizeGib() {
    return (sizeMib + 1023) / 1024;
  }
}
