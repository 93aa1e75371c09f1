package dev.labforge.targets.xen;

import java.util.List;

/**
 * What the xen templates lay out, already decided (by {@link XenViews}): raw values, which the
 * templates write with {@code esc.xl} (xl.cfg) and {@code esc.sh} (lab.sh).
 */
public record XenView(String lab, String imageDir, List<ImageView> images, List<BridgeView> bridges,
    List<MachineView> machines, List<DomainView> domains) {

  /**
   * One xen/&lt;machine&gt;.cfg; {@code domain} is its xl domain name, host-wide (HostNames). {@code description}, {@code kernel}, {@code ramdisk} and
   * {@code extra} may be null; {@code disks} and {@code vifs} are complete xl spec strings.
   */
  public record DomainView(String lab, String machine, String domain, String description, String type, long memory, int vcpus,
      boolean nested, String kernel, String ramdisk, String extra, List<String> disks, List<String> vifs) {}

  /** A base image lab.sh expects at {@code path}; {@code source} says where it comes from. */
  public record ImageView(String name, String path, String source) {}

  /** A dom0 bridge; {@code address} (gateway/prefix) is null when a machine owns the gateway. */
  public record BridgeView(String name, String address) {}

  /** What lab.sh makes for one machine before {@code xl create}, and its domain; sizes are qemu-img sizes. */
  public record MachineView(String name, String domain, String dir, String base, String root, String rootSize,
      List<DiskView> disks, String seedSource, String seed) {}

  public record DiskView(String path, String size) {}
}
