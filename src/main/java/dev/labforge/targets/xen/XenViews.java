package dev.labforge.targets.xen;

import dev.labforge.model.Disk;
import dev.labforge.model.HostNames;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.targets.xen.XenView.BridgeView;
import dev.labforge.targets.xen.XenView.DiskView;
import dev.labforge.targets.xen.XenView.DomainView;
import dev.labforge.targets.xen.XenView.ImageView;
import dev.labforge.targets.xen.XenView.MachineView;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link XenView}: where each disk lives on dom0, the xl disk and vif spec strings,
 * which bridge a NIC joins. Every Xen decision is made here, none in the templates.
 */
final class XenViews {
  private XenViews() {}

  /** A disk spec. target= comes last: it takes the rest of the spec, commas included. */
  record DiskSpec(String format, String vdev, String access, boolean cdrom, String target) {
    String spec() {
      return "format=" + format + ", vdev=" + vdev + ", access=" + access + (cdrom ? ", devtype=cdrom" : "")
          + ", target=" + target;
    }
  }

  /** A vif spec; xl splits it at commas, so it holds only our MAC and bridge name. */
  record Vif(String mac, String bridge) {
    String spec() {
      return "mac=" + mac + ",bridge=" + bridge;
    }
  }

  /** Where one machine's files live on dom0. */
  record Paths(String dir, String base, String root, List<String> data, String seed) {}

  static XenView of(Lab lab) {
    XenSettings s = XenSettings.of(lab);
    List<String> used = lab.machines().stream().map(Machine::image).distinct().toList();
    List<ImageView> images = lab.images().stream().filter(i -> used.contains(i.name()))
        .map(i -> new ImageView(i.name(), basePath(lab, s, i.name()), i.sourceUrl())).toList();
    // A machine that owns the gateway address (a router) keeps it; dom0's bridge then takes none.
    List<BridgeView> bridgeViews = lab.networks().stream().map(n -> new BridgeView(bridge(lab, n.name()),
        n.routedByMachine() ? null : n.gatewayCidr())).toList();
    List<MachineView> machines = new ArrayList<>();
    List<DomainView> domains = new ArrayList<>();
    for (Machine m : lab.machines()) {
      Paths p = paths(lab, s, m);
      List<DiskView> disks = new ArrayList<>();
      for (int i = 0; i < m.disks().size(); i++) {
        disks.add(new DiskView(p.data().get(i), m.disks().get(i).sizeMib() + "M"));
      }
      machines.add(new MachineView(m.name(), HostNames.machine(lab.name(), m.name()), p.dir(), p.base(), p.root(), m.diskMib() + "M", disks,
          "cloud-init/" + m.name() + "/nocloud.iso", p.seed()));
      domains.add(domain(lab, m, s));
    }
    String dir = s.imageDir(lab.name());
    return new XenView(lab.name(), dir.isEmpty() ? "/" : dir, images, bridgeViews, machines, domains);
  }

  static DomainView domain(Lab lab, Machine m, XenSettings s) {
    String description = m.description() == null || m.description().isBlank() ? null : m.description();
    return new DomainView(lab.name(), m.name(), HostNames.machine(lab.name(), m.name()), description, s.type(), m.memoryMib(), m.cpus(),
        m.nestedVirtualization(), s.kernel(), s.ramdisk(), s.extra(),
        disks(lab, s, m).stream().map(DiskSpec::spec).toList(),
        vifs(lab, m).stream().map(Vif::spec).toList());
  }

  static String basePath(Lab lab, XenSettings s, String image) {
    return s.imageDir(lab.name()) + "/base/" + image + ".qcow2";
  }

  static Paths paths(Lab lab, XenSettings s, Machine m) {
    String dir = s.imageDir(lab.name()) + "/" + m.name();
    List<String> data = m.disks().stream().map(d -> dir + "/data-" + d.name() + ".qcow2").toList();
    return new Paths(dir, basePath(lab, s, m.image()), dir + "/root.qcow2", data, dir + "/nocloud.iso");
  }

  /** Root overlay xvda, data disks in spec order, then the seed: a CD for HVM, a read-only disk for PVH. */
  static List<DiskSpec> disks(Lab lab, XenSettings s, Machine m) {
    Paths p = paths(lab, s, m);
    List<DiskSpec> out = new ArrayList<>();
    out.add(new DiskSpec("qcow2", "xvda", "rw", false, p.root()));
    for (int i = 0; i < m.disks().size(); i++) {
      out.add(new DiskSpec("qcow2", vdev(m.disks().get(i)), "rw", false, p.data().get(i)));
    }
    out.add(new DiskSpec("raw", "xvd" + (char) ('b' + m.disks().size()), "ro", s.hvm(), p.seed()));
    return out;
  }

  /** The model names data disks for a virtio bus (vdb, vdc, ...); Xen uses the same letters. */
  static String vdev(Disk d) {
    return "x" + d.device();
  }

  static List<Vif> vifs(Lab lab, Machine m) {
    return m.nics().stream().map(n -> new Vif(n.mac(), bridge(lab, n.network()))).toList();
  }

  /** The dom0 bridge of a lab network: host-wide, named like every target's (HostNames). */
  static String bridge(Lab lab, String network) {
    return HostNames.bridge(lab.name(), network);
  }
}
