package dev.labforge.targets.vagrant;

import java.util.List;

/**
 * Everything the Vagrantfile template lays out, already decided: the template only loops and
 * quotes. It is serialized to JSON and checked against {@code schemas/vagrant/vagrantfile.schema.json}
 * before rendering. Every string is raw: the template writes comments with {@code esc.rubyComment}
 * (one line whatever they hold) and every other spec value with {@code esc.ruby}.
 */
public record VagrantView(
    String specFile,
    String lab,
    String labComment,
    List<String> providers,
    boolean syncedFolder,
    boolean experimentalDisks,
    boolean routing,
    List<MachineView> machines) {

  /**
   * One {@code config.vm.define}; a provider view is null when that provider is not configured.
   * {@code guest} is Vagrant's guest plugin for the image's OS ({@code config.vm.guest}), so Vagrant
   * skips probing the guest over SSH.
   */
  public record MachineView(
      String name,
      boolean primary,
      String comment,
      String box,
      String guest,
      String hostname,
      List<NetworkView> networks,
      LibvirtViews libvirt,
      VirtualboxView virtualbox,
      VmwareView vmware,
      List<StepView> steps) {}

  /**
   * One {@code config.vm.network}. {@code type} is private_network or public_network; {@code ip}
   * and {@code netmask} are null for DHCP. The libvirt and virtualbox fields are null when that
   * provider is not configured (or the option does not apply). {@code virtualboxDhcpHost} is the
   * host's address on the host-only network of a DHCP NIC (the network's gateway), which is how
   * VirtualBox learns the spec's subnet. On a network whose gateway a router machine owns, the host
   * must not take that address: {@code libvirtHostIp} gives vagrant-libvirt's host another one, and
   * VirtualBox uses an internal network ({@code virtualboxIntnet}), which has no host adapter.
   */
  public record NetworkView(
      String comment,
      String type,
      boolean dhcp,
      String ip,
      String netmask,
      String libvirtNetworkName,
      Boolean libvirtDhcpEnabled,
      String libvirtForwardMode,
      String libvirtNetworkAddress,
      String libvirtMac,
      String virtualboxMac,
      String virtualboxDhcpHost,
      String libvirtHostIp,
      String virtualboxIntnet) {}

  /** A data disk: {@code libvirtSize} like "50G", {@code vagrantSize} like "50GB" (both GiB). */
  public record DiskView(String name, String device, String libvirtSize, String vagrantSize) {}

  public record LibvirtViews(String defaultPrefix, int cpus, long memory, boolean nested, List<DiskView> disks) {}

  public record VirtualboxView(String name, int cpus, long memory, boolean nested, List<DiskView> disks) {}

  public record VmwareView(String displayName, int cpus, long memory, boolean nested, List<DiskView> disks) {}

  /**
   * One {@code config.vm.provision} of type shell. Kind "step" runs the fixed guest script named
   * {@code script} with {@code args} (spec values the Vagrantfile hands over base64-encoded);
   * kind "inline" runs {@code inline} as written (a spec command, or a script's guest path).
   * {@code always}: it runs on every {@code vagrant up}, not only the first (routes do not persist).
   */
  public record StepView(
      String name,
      String kind,
      boolean privileged,
      String script,
      List<ArgView> args,
      String inline,
      boolean always) {}

  /** A named value of a step; {@code list} values reach the guest one item per line. */
  public record ArgView(String key, boolean list, List<String> values) {}
}
