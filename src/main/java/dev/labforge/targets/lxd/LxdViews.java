package dev.labforge.targets.lxd;

import dev.labforge.model.Address;
import dev.labforge.model.AddressRange;
import dev.labforge.model.Disk;
import dev.labforge.model.Host;
import dev.labforge.model.HostNames;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderException;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import dev.labforge.targets.lxd.LxdView.DiskView;
import dev.labforge.targets.lxd.LxdView.HostView;
import dev.labforge.targets.lxd.LxdView.ImageView;
import dev.labforge.targets.lxd.LxdView.MachineView;
import dev.labforge.targets.lxd.LxdView.NetworkView;
import dev.labforge.targets.lxd.LxdView.NicView;
import dev.labforge.targets.lxd.LxdView.VolumeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the {@link LxdView} of a lab. */
public final class LxdViews {
  /** The port LXD listens on for its cluster (LXD's default). */
  static final int HTTPS_PORT = 8443;
  /** The folder under lxd/ that holds each cluster member's preseed. */
  static final String CLUSTER_DIR = "cluster/";
  /** Where a data disk without {@code mount} appears in the instance. */
  static final String UNMOUNTED_PREFIX = "/mnt/";
  /** LXD's value for a bridge without an IPv4 address. */
  static final String NO_ADDRESS = "none";
  /** images.linuxcontainers.org names some distributions differently from the spec's {@code os}. */
  private static final Map<String, String> IMAGE_SERVER_OS = Map.of("rocky", "rockylinux", "alma", "almalinux");

  private LxdViews() {}

  public static LxdView of(Lab lab, TemplateRenderer templates) throws RenderException {
    LxdSettings settings = LxdSettings.of(lab);
    Map<String, Tunnels> tunnels = lab.clustered()
        ? Tunnels.of(lab.name(), lab.networks().stream().map(Network::name).toList()) : Map.of();
    List<NetworkView> networks = new ArrayList<>();
    for (Network network : lab.networks()) {
      networks.add(lab.clustered() ? spanning(lab, network, tunnels.get(network.name())) : network(lab, network));
    }
    List<ImageView> images = new ArrayList<>();
    for (Image image : lab.images()) {
      if (lab.machines().stream().anyMatch(m -> m.image().equals(image.name()))) {
        images.add(new ImageView(image.name(), variable(image.name()),
            settings.image() != null ? settings.image() : defaultSource(image), HostNames.image(lab.name(), image.name())));
      }
    }
    List<MachineView> machines = new ArrayList<>();
    List<VolumeView> volumes = new ArrayList<>();
    for (Machine machine : lab.machines()) {
      String host = member(lab, machine);
      machines.add(machine(lab, machine, settings, templates, host));
      for (Disk disk : machine.disks()) {
        volumes.add(new VolumeView(HostNames.volume(lab.name(), machine.name(), disk.name()), size(disk.sizeMib()), host));
      }
    }
    List<HostView> hosts = new ArrayList<>();
    for (Host host : lab.hosts()) {
      hosts.add(new HostView(host.name(), host.address().toString(), host.address() + ":" + HTTPS_PORT,
          CLUSTER_DIR + host.name() + ".yaml"));
    }
    return new LxdView(lab.name(), oneLine(lab.description()), lab.name(), settings.type(), settings.virtualMachine(),
        networks, images, machines, volumes, lab.clustered(), hosts);
  }

  /**
   * The cluster member a machine is launched on: its {@code host}; unplaced, LXD chooses, except for
   * a machine with data disks, which goes to the first host: a dir pool's volume lives on one member,
   * and the instance must be where its volumes are. Null on one host.
   */
  static String member(Lab lab, Machine machine) {
    if (!lab.clustered()) {
      return null;
    }
    if (machine.host() != null) {
      return machine.host();
    }
    return machine.disks().isEmpty() ? null : lab.hosts().get(0).name();
  }

  /**
   * A network in a cluster: one bridge per member, joined by a VXLAN. The bridge has no address, so
   * no DHCP, DNS or NAT: {@code ipv4.address} is a cluster-wide key, and every member's bridge would
   * answer for the one gateway and hand out the same leases on the one segment. The lab's machines
   * keep their static addresses from their network-config; a router machine may own the gateway.
   */
  private static NetworkView spanning(Lab lab, Network network, Tunnels tunnel) {
    String description = "labforge lab " + lab.name() + ", network " + network.name() + " (" + network.subnet()
        + "), spanning the cluster over VXLAN " + tunnel.id();
    return new NetworkView(HostNames.clusterBridge(lab.name(), network.name()), network.name(), network.subnet().toString(),
        description, NO_ADDRESS, false, false, null, tunnel.id(), tunnel.group().toString());
  }

  /** {@code LABFORGE_LXD_IMAGE_<image>}: every character other than a letter or digit becomes "_". */
  static String variable(String image) {
    return "LABFORGE_LXD_IMAGE_" + image.replaceAll("[^A-Za-z0-9]", "_");
  }

  /** The cloud variant on images.linuxcontainers.org (it has cloud-init), e.g. images:debian/12/cloud. */
  static String defaultSource(Image image) {
    return "images:" + IMAGE_SERVER_OS.getOrDefault(image.os(), image.os()) + "/" + image.release() + "/cloud";
  }

  private static NetworkView network(Lab lab, Network network) {
    String description = "labforge lab " + lab.name() + ", network " + network.name() + " (" + network.subnet() + ")";
    if (network.routedByMachine()) {
      // A machine owns the gateway: the bridge is a plain switch with no address, DHCP or NAT.
      return new NetworkView(HostNames.bridge(lab.name(), network.name()), network.name(), network.subnet().toString(),
          description + ", routed by " + network.gatewayOwner(), NO_ADDRESS, false, false, null, null, null);
    }
    List<Address> statics = new ArrayList<>();
    for (Machine machine : lab.machines()) {
      for (Nic nic : machine.nics()) {
        if (nic.network().equals(network.name()) && !nic.dhcp()) {
          statics.add(nic.ip());
        }
      }
    }
    // LXD accepts a NIC's ipv4.address only while the bridge serves DHCP. On a network without
    // DHCP in the spec, the bridge serves exactly the static addresses (each only to its MAC, as a
    // reservation); the machines never ask, their network-config is static.
    boolean dhcp = network.dhcp() || !statics.isEmpty();
    String ranges = network.dhcp() ? null : statics.isEmpty() ? null : ranges(statics);
    return new NetworkView(HostNames.bridge(lab.name(), network.name()), network.name(), network.subnet().toString(),
        description, network.gatewayCidr(), "nat".equals(network.kind()), dhcp, ranges, null, null);
  }

  /** Sorted addresses as LXD's ranges: runs of consecutive addresses become one "first-last". */
  static String ranges(List<Address> addresses) {
    return String.join(",", AddressRange.runs(addresses).stream().map(AddressRange::toString).toList());
  }

  private static MachineView machine(Lab lab, Machine machine, LxdSettings settings, TemplateRenderer templates,
      String host) throws RenderException {
    List<NicView> nics = new ArrayList<>();
    for (Nic nic : machine.nics()) {
      // LXD takes a NIC's ipv4.address only where the bridge serves DHCP, which a routed network's
      // and a cluster's bridges do not.
      String ip = lab.clustered() || lab.network(nic.network()).routedByMachine() ? null : Objects.toString(nic.ip(), null);
      String bridge = lab.clustered() ? HostNames.clusterBridge(lab.name(), nic.network())
          : HostNames.bridge(lab.name(), nic.network());
      nics.add(new NicView(nic.ifname(), bridge, nic.mac(), ip));
    }
    List<DiskView> disks = new ArrayList<>();
    for (Disk disk : machine.disks()) {
      disks.add(new DiskView("disk-" + disk.name(), HostNames.volume(lab.name(), machine.name(), disk.name()),
          disk.mount() != null ? disk.mount() : UNMOUNTED_PREFIX + disk.name()));
    }
    String description = machine.description() != null && !machine.description().isBlank() ? oneLine(machine.description())
        : "labforge lab " + lab.name() + ", machine " + machine.name();
    return new MachineView(machine.name(), HostNames.machine(lab.name(), machine.name()), description, machine.image(),
        Integer.toString(machine.cpus()), size(machine.memoryMib()),
        machine.nestedVirtualization() && !settings.virtualMachine(), size(machine.diskMib()),
        CloudInitTarget.userData(lab, machine, templates), CloudInitTarget.networkConfig(lab, machine, templates),
        nics, disks, host);
  }

  /** MiB as LXD writes sizes: whole GiB when it divides, else MiB. */
  static String size(long mib) {
    return mib % 1024 == 0 ? mib / 1024 + "GiB" : mib + "MiB";
  }

  private static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    return s.replaceAll("[\\p{Cntrl}\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]+", " ").strip();
  }
}
