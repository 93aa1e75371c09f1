package dev.labforge.targets.vagrant;

import dev.labforge.model.Address;
import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderException;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import dev.labforge.targets.vagrant.VagrantView.DiskView;
import dev.labforge.targets.vagrant.VagrantView.LibvirtViews;
import dev.labforge.targets.vagrant.VagrantView.MachineView;
import dev.labforge.targets.vagrant.VagrantView.NetworkView;
import dev.labforge.targets.vagrant.VagrantView.VirtualboxView;
import dev.labforge.targets.vagrant.VagrantView.VmwareView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/** Builds the {@link VagrantView} of a lab: every provider decision is made here, not in the template. */
final class VagrantViews {
  static final String LIBVIRT = "libvirt";
  static final String VIRTUALBOX = "virtualbox";
  static final String VMWARE = "vmware_desktop";

  private VagrantViews() {}

  static VagrantView of(Lab lab, TemplateRenderer templates) throws RenderException {
    List<String> providers = VagrantSettings.of(lab).providers();
    // Once per network, not per NIC: each is a pass over the whole lab.
    Map<String, String> hostAddresses = new HashMap<>();
    lab.networks().stream().filter(Network::routedByMachine).forEach(n -> hostAddresses.put(n.name(), hostAddress(lab, n)));
    List<MachineView> machines = new ArrayList<>();
    for (Machine m : lab.machines()) {
      machines.add(machine(lab, m, providers, hostAddresses, CloudInitTarget.etcHosts(lab, m, templates)));
    }
    boolean anyDisks = lab.machines().stream().anyMatch(m -> !m.disks().isEmpty());
    boolean vagrantDisks = providers.contains(VIRTUALBOX) || providers.contains(VMWARE);
    String labComment = lab.description().isBlank() ? lab.name() : lab.name() + ": " + lab.description();
    boolean routing = machines.stream().flatMap(m -> m.steps().stream()).anyMatch(s -> Steps.ROUTING.equals(s.script()));
    return new VagrantView(Path.of(lab.specName()).getFileName().toString(), lab.name(),
        labComment, providers, VagrantSettings.of(lab).syncedFolder(), anyDisks && vagrantDisks,
        routing, machines);
  }

  private static MachineView machine(Lab lab, Machine m, List<String> providers, Map<String, String> hostAddresses,
      String etcHosts) {
    String displayName = HostNames.machine(lab.name(), m.name());
    List<DiskView> disks = m.disks().stream().map(VagrantViews::disk).toList();
    return new MachineView(m.name(), m.index() == 0, comment(m),
        lab.image(m.image()).vagrantBox(), guest(lab.image(m.image()).os()), m.name(),
        m.nics().stream().map(n -> network(lab, n, providers, hostAddresses)).toList(),
        providers.contains(LIBVIRT)
            ? new LibvirtViews(HostNames.prefix(lab.name()), m.cpus(), m.memoryMib(), m.nestedVirtualization(), disks) : null,
        providers.contains(VIRTUALBOX)
            ? new VirtualboxView(displayName, m.cpus(), m.memoryMib(), m.nestedVirtualization(), disks) : null,
        providers.contains(VMWARE)
            ? new VmwareView(displayName, m.cpus(), m.memoryMib(), m.nestedVirtualization(), disks) : null,
        Steps.of(lab, m, lab.image(m.image()).packageManager(), etcHosts));
  }

  /**
   * Vagrant's guest plugin for a spec OS (Vagrant 2.3.4: plugins/guests/&lt;name&gt;). Named, it spares
   * Vagrant its guest detection, a probe of every guest plugin over SSH on the first connection.
   */
  static String guest(String os) {
    return switch (os) {
      case "almalinux" -> "alma";
      case "debian", "ubuntu", "rocky", "fedora" -> os;
      default -> throw new IllegalArgumentException("no Vagrant guest for os " + os);
    };
  }

  /** The description when there is one, else what the machine is made of. */
  private static String comment(Machine m) {
    if (!m.description().isBlank()) {
      return m.name() + ": " + m.description();
    }
    return m.name() + ": " + m.image() + ", " + m.cpus() + " CPU, " + dev.labforge.spec.Sizes.show(m.memoryMib());
  }

  /** {@code hostAddresses}: {@link #hostAddress} of every network a router machine owns the gateway of. */
  private static NetworkView network(Lab lab, Nic nic, List<String> providers, Map<String, String> hostAddresses) {
    Network net = lab.network(nic.network());
    boolean bridged = net.kind().equals("bridged");
    boolean libvirt = providers.contains(LIBVIRT);
    // A bridged NIC is a macvtap device on the host under libvirt: it has no libvirt network.
    boolean libvirtNetwork = libvirt && !bridged;
    String comment = "network " + net.name() + " (" + net.subnet() + ", " + net.kind()
        + (nic.dhcp() ? ", DHCP" : "") + ")";
    return new NetworkView(comment, bridged ? "public_network" : "private_network", nic.dhcp(),
        Objects.toString(nic.ip(), null), net.netmask().toString(),
        libvirtNetwork ? HostNames.network(lab.name(), net.name()) : null,
        libvirtNetwork ? net.dhcp() : null,
        libvirtNetwork ? (net.kind().equals("nat") ? "nat" : "none") : null,
        libvirtNetwork && nic.dhcp() ? net.subnet().network().toString() : null,
        libvirt ? nic.mac() : null,
        providers.contains(VIRTUALBOX) ? nic.mac().replace(":", "") : null,
        providers.contains(VIRTUALBOX) && nic.dhcp() && !bridged ? net.gateway().toString() : null,
        libvirtNetwork && net.routedByMachine() ? hostAddresses.get(net.name()) : null,
        providers.contains(VIRTUALBOX) && net.routedByMachine() && !bridged ? HostNames.network(lab.name(), net.name()) : null);
  }

  /**
   * The host's address on a network a router machine owns the gateway of: the highest host address
   * that no lab NIC, gateway or DNS server uses (derived addresses grow from the bottom).
   */
  static String hostAddress(Lab lab, Network net) {
    java.util.Set<Address> taken = new java.util.HashSet<>(net.dns());
    taken.add(net.gateway());
    lab.machines().forEach(m -> m.nics().forEach(n -> taken.add(n.ip())));
    return net.subnet().highestFreeHost(taken).map(Address::toString).orElse(null);
  }

  private static DiskView disk(Disk d) {
    return new DiskView(d.name(), d.device(), d.sizeGib() + "G", d.sizeGib() + "GB");
  }
}
