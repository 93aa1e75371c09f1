package dev.labforge.targets.libvirt;

import dev.labforge.model.Disk;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.model.AddressRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The flat, raw values the libvirt templates lay out; templates escape them (esc.xml, esc.sh). */
public final class LibvirtViews {
  /** The kernel command line lab.sh uses for a direct kernel boot unless LABFORGE_CMDLINE_<image> is set. */
  static final String DEFAULT_CMDLINE = "root=/dev/vda rw console=ttyS0";

  public record DnsHost(String ip, List<String> names) {}

  public record DhcpHost(String mac, String name, String ip) {}

  public record NetworkView(String lab, String network, String name, String file, String cidr, String kind,
      String forward, String bridge, String hostBridge, String domain, String address, String netmask,
      boolean dhcp, String rangeStart, String rangeEnd, List<DhcpHost> dhcpHosts, List<DnsHost> dnsHosts,
      String router) {}

  public record DiskView(String name, String file, String path, String device, long sizeMib, String mount) {}

  public record NicView(String ifname, String network, String libvirtNetwork, String mac, String ip) {}

  public record DomainView(String lab, String machine, String name, String file, String description, String type,
      String image, long memoryMib, int cpus, String cpuMode, long rootMib, String labDir, String rootDisk,
      List<DiskView> disks, String seed, String seedSource, List<NicView> nics, String consoleLog,
      String sshHost) {}

  public record ImageView(String name, String url, String checksum, String format) {}

  /**
   * The view of lab.sh and virt-install.sh: {@code machines} are the domains, {@code disks} every
   * machine's data disks; {@code imageExample} and {@code imageEnvExample} name the first image as
   * the help text shows it (as is, and as the part of a variable name).
   */
  public record ScriptView(String lab, String defaultPool, String defaultCmdline, String labDir, String domainType,
      List<ImageView> images, String imageExample, String imageEnvExample, List<NetworkView> networks,
      List<DomainView> machines, List<DiskView> disks) {}

  private LibvirtViews() {}

  static List<NetworkView> networks(Lab lab, LibvirtSettings settings) {
    return lab.networks().stream().map(n -> network(lab, n, settings)).toList();
  }

  static NetworkView network(Lab lab, Network net, LibvirtSettings settings) {
    String forward = switch (net.kind()) {
      case "nat" -> "nat";
      case "bridged" -> "bridge";
      default -> "none";
    };
    AddressRange range = net.subnet().dhcpRange();
    List<DhcpHost> dhcpHosts = new ArrayList<>();
    List<DnsHost> dnsHosts = new ArrayList<>();
    for (Machine m : lab.machines()) {
      List<String> names = List.of(m.name(), m.fqdn());
      Nic here = m.nics().stream().filter(n -> n.network().equals(net.name())).findFirst().orElse(null);
      if (here != null && here.ip() != null) {
        dhcpHosts.add(new DhcpHost(here.mac().toLowerCase(Locale.ROOT), m.name(), here.ip().toString()));
      }
      // Every machine of the lab has a name here: its address on this network, or else its first
      // static address (reachable when a router joins the networks).
      String ip = here != null && here.ip() != null ? here.ip().toString()
          : m.nics().stream().map(Nic::ip).filter(Objects::nonNull).map(Object::toString).findFirst().orElse(null);
      if (ip != null) {
        dnsHosts.add(new DnsHost(ip, names));
      }
    }
    return new NetworkView(lab.name(), net.name(), LibvirtNames.network(lab, net.name()),
        LibvirtTarget.NETWORKS + net.name() + ".xml", net.subnet().toString(), net.kind(), forward,
        LibvirtNames.bridge(lab, net.name()), settings.hostBridge(), lab.domain(), net.gateway().toString(),
        net.netmask().toString(), net.dhcp(), range.first().toString(), range.last().toString(), dhcpHosts, dnsHosts, net.gatewayOwner());
  }

  static List<DomainView> domains(Lab lab, LibvirtSettings settings) {
    return lab.machines().stream().map(m -> domain(lab, m, settings)).toList();
  }

  static DomainView domain(Lab lab, Machine m, LibvirtSettings settings) {
    List<DiskView> disks = new ArrayList<>();
    for (Disk d : m.disks()) {
      String file = LibvirtNames.diskFile(m, d);
      disks.add(new DiskView(d.name(), file, LibvirtNames.labDir(lab) + "/" + file, d.device(), d.sizeMib(), d.mount()));
    }
    List<NicView> nics = m.nics().stream().map(n -> new NicView(n.ifname(), n.network(),
        LibvirtNames.network(lab, n.network()), n.mac().toLowerCase(Locale.ROOT), Objects.toString(n.ip(), null))).toList();
    String cpuMode = null;
    if (m.nestedVirtualization()) {
      // host-passthrough needs KVM; under TCG, "maximum" is the CPU with every feature QEMU emulates.
      cpuMode = settings.domainType().equals("kvm") ? "host-passthrough" : "maximum";
    }
    String sshHost = m.nics().stream().map(Nic::ip).filter(Objects::nonNull).map(Object::toString).findFirst().orElse("");
    return new DomainView(lab.name(), m.name(), LibvirtNames.domain(lab, m), LibvirtTarget.DOMAINS + m.name() + ".xml",
        m.description() == null || m.description().isBlank() ? null : m.description(), settings.domainType(), m.image(), m.memoryMib(), m.cpus(), cpuMode, m.diskMib(),
        LibvirtNames.labDir(lab), LibvirtNames.rootDisk(lab, m), disks, LibvirtNames.seed(lab, m),
        "cloud-init/" + m.name() + "/nocloud.iso", nics, LibvirtNames.consoleLog(lab, m), sshHost);
  }

  static List<ImageView> images(Lab lab) {
    List<ImageView> images = new ArrayList<>();
    for (Image image : lab.images()) {
      if (lab.machines().stream().anyMatch(m -> m.image().equals(image.name()))) {
        images.add(new ImageView(image.name(), image.sourceUrl(), image.sourceChecksum(), image.sourceFormat()));
      }
    }
    return images;
  }

  static ScriptView script(Lab lab, LibvirtSettings settings) {
    List<ImageView> images = images(lab);
    List<DomainView> domains = domains(lab, settings);
    return new ScriptView(lab.name(), LibvirtNames.DEFAULT_POOL, DEFAULT_CMDLINE, LibvirtNames.labDir(lab),
        settings.domainType(), images, images.get(0).name(), images.get(0).name().replaceAll("[^A-Za-z0-9]", "_"),
        networks(lab, settings), domains, domains.stream().flatMap(d -> d.disks().stream()).toList());
  }
}
