package dev.labforge.targets.lxd;

import java.util.List;

/**
 * Everything the preseed and lab.sh templates lay out, already decided: the templates only loop
 * and quote. Values are raw; the templates escape them ({@code esc.yaml}, {@code esc.sh}).
 */
public record LxdView(
    String lab,
    String labComment,
    String pool,
    String type,
    boolean virtualMachine,
    List<NetworkView> networks,
    List<ImageView> images,
    List<MachineView> machines,
    List<VolumeView> volumes,
    boolean cluster,
    List<HostView> hosts) {

  /**
   * A member of the LXD cluster (the spec's {@code hosts}, in order: the first bootstraps it and
   * runs lab.sh). {@code https} is what LXD listens on, {@code preseed} its file under lxd/.
   */
  public record HostView(String name, String address, String https, String preseed) {}

  /**
   * One managed bridge. {@code address} is the gateway with the prefix, or "none" when a lab machine
   * owns the gateway (a router; then no DHCP and no NAT either). {@code dhcpRanges} is
   * null when LXD's default range applies (a {@code dhcp: true} network) or when DHCP is off. In a
   * cluster, {@code tunnelId} and {@code tunnelGroup} are its VXLAN's id and multicast group
   * ({@link Tunnels}); null on one host.
   */
  public record NetworkView(String name, String specName, String cidr, String description, String address,
      boolean nat, boolean dhcp, String dhcpRanges, Integer tunnelId, String tunnelGroup) {}

  /**
   * A spec image: the variable that overrides it in lab.sh, the LXD image used without it, and the
   * alias (host-wide, so it carries the lab) under which a local image is imported.
   */
  public record ImageView(String name, String variable, String defaultSource, String alias) {}

  /**
   * One machine: its instance and profile (same name) and what the profile holds; {@code host} is the
   * cluster member it is launched on (null: where LXD places it).
   */
  public record MachineView(String machine, String instance, String description, String image, String cpus,
      String memory, boolean nesting, String rootSize, String userData, String networkConfig,
      List<NicView> nics, List<DiskView> disks, String host) {}

  /** A NIC device: the key and in-guest name are the interface name; {@code ip} is null for DHCP. */
  public record NicView(String name, String network, String hwaddr, String ip) {}

  /** A data disk: a custom volume of the pool, mounted at {@code path}. */
  public record DiskView(String device, String volume, String path) {}

  /**
   * A custom volume lab.sh creates before the instances start; in a cluster, on {@code host}, the
   * member of its machine (a dir pool's volume lives on one member).
   */
  public record VolumeView(String name, String size, String host) {}
}
