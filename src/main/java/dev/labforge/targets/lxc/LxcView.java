package dev.labforge.targets.lxc;

import java.util.List;

/**
 * What the lxc templates lay out, already decided by {@link LxcViews}: raw values, which the
 * templates write with {@code esc.lxc} and {@code esc.fstab} (config) and {@code esc.sh} (lab.sh).
 * Every host path is absolute and lies in the container's own folder under {@code lxcPath}, which
 * {@code lxc-destroy} deletes with the container.
 */
public record LxcView(String lab, String lxcPath, String stateFile, List<ImageView> images,
    List<BridgeView> bridges, List<ContainerView> containers, List<DataDirView> dataDirs) {

  /**
   * A spec image: {@code variable} names a local root file system (a folder or a tarball) in
   * lab.sh; without it, LXC's download template fetches {@code distribution}/{@code release} in the
   * {@code variant} that has cloud-init.
   */
  public record ImageView(String name, String variable, String distribution, String release, String arch,
      String variant) {}

  /** A host bridge; {@code address} (gateway/prefix) is null when a lab machine owns the gateway. */
  public record BridgeView(String name, String network, String address) {}

  /**
   * One container, {@code lxc/<machine>/config}: {@code container} is its host-wide name
   * (HostNames), {@code dir} its folder under the LXC path. {@code memoryMax} and {@code cpuMax}
   * are cgroup v2 values ({@code memoryMax}, {@code cpuQuotaUs} and {@code cpuPeriodUs} also the v1
   * ones); {@code seed} is where lab.sh copies the machine's NoCloud seed.
   */
  public record ContainerView(String lab, String machine, String hostname, String container, String description, String image,
      String lxcPath, String dir, String rootfs, String seedSource, String seed, String consoleLog, long memoryMib, int cpus,
      String memoryMax, String cpuMax, long cpuQuotaUs, long cpuPeriodUs, boolean forwarding, boolean nesting, String mountAuto, List<NicView> nics,
      List<MountView> mounts, List<String> diskDirs) {}

  /**
   * One veth NIC, {@code lxc.net.<index>.*}: {@code name} is its name inside the container;
   * {@code ipv4Address} (address/prefix) is null for DHCP, {@code ipv4Gateway} null unless this
   * NIC carries the machine's default route. The seed's network-config sets both in the guest; the
   * config shows them as the LXC keys that could, commented out (ifupdown fails on an address LXC set).
   */
  public record NicView(int index, String network, String link, String hwaddr, String name, String ipv4Address,
      String ipv4Gateway) {}

  /** A data disk's folder, which lab.sh makes for the machine at {@code machine} (its index). */
  public record DataDirView(String dir, int machine) {}

  /** An {@code lxc.mount.entry}: host {@code source}, {@code target} relative to the rootfs, fstab options. */
  public record MountView(String why, String source, String target, String fstype, String options) {}
}
