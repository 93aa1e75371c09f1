package dev.labforge.targets.docker;

import dev.labforge.model.Address;
import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.render.RenderException;
import dev.labforge.targets.docker.DockerView.ImageView;
import dev.labforge.targets.docker.DockerView.MountView;
import dev.labforge.targets.docker.DockerView.NetworkView;
import dev.labforge.targets.docker.DockerView.NicView;
import dev.labforge.targets.docker.DockerView.ServiceView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds the {@link DockerView} of a lab. */
public final class DockerViews {
  /** Where a data disk without {@code mount} appears in the container (as in the LXD target). */
  static final String UNMOUNTED_PREFIX = "/mnt/";
  /** Docker Hub names some distributions differently from the spec's {@code os}. */
  private static final Map<String, String> HUB_OS = Map.of("rocky", "rockylinux");

  private DockerViews() {}

  public static DockerView of(Lab lab) throws RenderException {
    DockerSettings settings = DockerSettings.of(lab);
    List<NetworkView> networks = new ArrayList<>();
    for (Network network : lab.networks()) {
      networks.add(network(lab, network));
    }
    List<ImageView> images = new ArrayList<>();
    for (Image image : lab.images()) {
      if (lab.machines().stream().anyMatch(m -> m.image().equals(image.name()))) {
        images.add(new ImageView(image.name(), tag(lab, image.name()), variable(image.name()),
            settings.base() != null ? settings.base() : defaultBase(image), image.os(),
            image.packageManager().equals("apt")));
      }
    }
    List<ServiceView> services = new ArrayList<>();
    List<String> volumes = new ArrayList<>();
    for (Machine machine : lab.machines()) {
      ImageView image = images.stream().filter(i -> i.name().equals(machine.image())).findFirst().orElseThrow();
      services.add(service(lab, machine, image));
      machine.disks().forEach(d -> volumes.add(HostNames.volume(lab.name(), machine.name(), d.name())));
    }
    return new DockerView(lab.name(), oneLine(lab.description()), project(lab), DockerTarget.SEED_MOUNT, networks, images, services, volumes);
  }

  /** The Compose project: every container, network and volume of the lab carries it as a label. */
  static String project(Lab lab) {
    return HostNames.join(lab.name(), "docker");
  }

  /** The image's tag: lowercase, as Docker wants, and carrying the lab like every host-wide name. */
  static String tag(Lab lab, String image) {
    return HostNames.image(lab.name(), image).toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code LABFORGE_DOCKER_BASE_<image>}: every character other than a letter or digit becomes "_". */
  static String variable(String image) {
    return "LABFORGE_DOCKER_BASE_" + image.replaceAll("[^A-Za-z0-9]", "_");
  }

  /** The distribution's official image on Docker Hub, e.g. debian:12. */
  static String defaultBase(Image image) {
    return HUB_OS.getOrDefault(image.os(), image.os()) + ":" + image.release();
  }

  /** The folder under docker/ of an image's Dockerfile (the build context). */
  static String imageDir(String image) {
    return image;
  }

  private static NetworkView network(Lab lab, Network network) throws RenderException {
    Address gateway = network.gateway();
    if (network.routedByMachine()) {
      // Docker's bridge takes the gateway address itself; a router machine owns the spec's, so the
      // bridge takes the highest address no machine has (the machines route through the router).
      Set<Address> taken = new HashSet<>();
      taken.add(network.gateway());
      for (Machine m : lab.machines()) {
        m.nics().stream().filter(n -> n.network().equals(network.name()) && !n.dhcp()).forEach(n -> taken.add(n.ip()));
      }
      gateway = network.subnet().highestFreeHost(taken).orElseThrow(() -> new RenderException("DockerViews",
          "network " + network.name() + ": no address left for Docker's bridge (" + network.subnet() + ")"));
    }
    return new NetworkView(network.name(), HostNames.network(lab.name(), network.name()),
        HostNames.bridge(lab.name(), network.name()), network.subnet().toString(), gateway.toString(),
        internal(lab, network));
  }

  /**
   * Whether Docker cuts the network off: not for NAT, and not where a lab router forwards. Docker
   * isolates an internal network by address: on its bridge it drops every packet from or to outside
   * the subnet (measured: DOCKER-ISOLATION rules with br_netfilter on), which is all traffic routed
   * across it. A routed network is an ordinary one; its machines' default routes still lead to the
   * router, not to Docker's bridge.
   */
  static boolean internal(Lab lab, Network network) {
    return !"nat".equals(network.kind()) && lab.machines().stream()
        .noneMatch(m -> m.forwarding() && m.nics().stream().anyMatch(n -> n.network().equals(network.name())));
  }

  /**
   * {@code ${VARIABLE:-base}}: Compose takes the base from the environment when lab.sh (or the user)
   * sets it. "$" is Compose's interpolation character; "$$" is a literal one.
   */
  static String baseArg(ImageView image) {
    return "${" + image.variable() + ":-" + image.base().replace("$", "$$") + "}";
  }

  /** The NICs after a machine's first on the same network: Docker cannot attach them (a warning says so). */
  static List<Nic> unattached(Machine machine) {
    Set<String> seen = new HashSet<>();
    return machine.nics().stream().filter(n -> !seen.add(n.network())).toList();
  }

  private static ServiceView service(Lab lab, Machine machine, ImageView image) {
    List<NicView> nics = new ArrayList<>();
    int n = machine.nics().size();
    List<Nic> unattached = unattached(machine);
    for (Nic nic : machine.nics()) {
      if (unattached.contains(nic)) {
        continue;
      }
      // Compose connects a container's networks by priority, highest first: Docker's eth0 is the first NIC.
      nics.add(new NicView(nic.network(), Objects.toString(nic.ip(), null), n - nic.index()));
    }
    List<MountView> volumes = new ArrayList<>();
    for (Disk disk : machine.disks()) {
      volumes.add(new MountView(HostNames.volume(lab.name(), machine.name(), disk.name()),
          disk.mount() != null ? disk.mount() : UNMOUNTED_PREFIX + disk.name()));
    }
    String description = machine.description() != null && !machine.description().isBlank()
        ? oneLine(machine.description()) : "machine " + machine.name();
    String mac = machine.nics().isEmpty() ? null : machine.nics().get(0).mac();
    return new ServiceView(machine.name(), HostNames.machine(lab.name(), machine.name()), machine.hostname(),
        description, imageDir(machine.image()), image.tag(), baseArg(image), Integer.toString(machine.cpus()),
        machine.memoryMib() + "m", mac, machine.forwarding(), machine.nestedVirtualization(),
        "./" + DockerTarget.seedDir(machine), nics, volumes);
  }

  private static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    return s.replaceAll("[\\p{Cntrl}\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]+", " ").strip();
  }
}
