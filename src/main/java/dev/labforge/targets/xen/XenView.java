package dev.labforge.targets.xen;

import dev.labforge.model.Disk;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every decision of the Xen target, as raw values for the templates: where each disk lives on
 * dom0, the xl disk and vif spec strings, which bridge a NIC joins. The templates only escape.
 */
final class XenView {
  private XenView() {}

  /** A disk spec's target= comes last: it takes the rest of the spec, commas included. */
  record DiskSpec(String format, String vdev, String access, boolean cdrom, String target) {
    String spec() {
      return "format=" + format + ", vdev=" + vdev + ", access=" + access + (cdrom ? ", devtype=cdrom" : "")
          + ", target=" + target;
    }
  }

  record Vif(String mac, String bridge) {
    String spec() {
      return "mac=" + mac + ",bridge=" + bridge;
    }
  }

  /** Where one machine's files live on dom0. */
  record Paths(String dir, String base, String root, List<String> data, String seed) {}

  static String basePath(Lab lab, XenSettings s, String image) {
    return s.imageDir(lab.name()) + "/base/" + image + ".qcow2";
  }

  static Paths paths(Lab lab, XenSettings s, Machine m) {
    String dir = s.imageDir(lab.name()) + "/" + m.name();
    List<String> data = m.disks().stream().map(d -> dir + "/data-" + d.name() + ".qcow2").toList();
    return new Paths(dir, basePath(lab, s, m.image()), dir + "/root.qcow2", data, dir + "/nocloud.iso");
  }

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

  /** The model names data disks for a virtio bus (vdb, vdc, ...); Xen's are the same letters. */
  static String vdev(Disk d) {
    return "x" + d.device();
  }

  static List<Vif> vifs(Lab lab, Machine m) {
    Map<String, String> bridges = Bridges.of(lab);
    return m.nics().stream().map(n -> new Vif(n.mac(), bridges.get(n.network()))).toList();
  }

  static Map<String, Object> machine(Lab lab, Machine m, XenSettings s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lab", lab.name());
    v.put("machine", m.name());
    if (m.description() != null && !m.description().isBlank()) {
      v.put("description", m.description());
    }
    v.put("type", s.type());
    v.put("memory", m.memoryMib());
    v.put("vcpus", m.cpus());
    v.put("nested", m.nestedVirtualization());
    putIfSet(v, "kernel", s.kernel());
    putIfSet(v, "ramdisk", s.ramdisk());
    putIfSet(v, "extra", s.extra());
    v.put("disks", disks(lab, s, m).stream().map(DiskSpec::spec).toList());
    v.put("vifs", vifs(lab, m).stream().map(Vif::spec).toList());
    return Map.of("m", v);
  }

  static Map<String, Object> lab(Lab lab, XenSettings s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lab", lab.name());
    v.put("imageDir", s.imageDir(lab.name()).isEmpty() ? "/" : s.imageDir(lab.name()));
    List<String> used = lab.machines().stream().map(Machine::image).distinct().toList();
    v.put("images", lab.images().stream().filter(i -> used.contains(i.name()))
        .map(i -> Map.of("name", i.name(), "path", basePath(lab, s, i.name()), "source", i.sourceUrl())).toList());
    Map<String, String> bridges = Bridges.of(lab);
    List<Map<String, Object>> bridgeViews = new ArrayList<>();
    for (Network n : lab.networks()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("name", bridges.get(n.name()));
      if (n.gateway() != null && !takenByMachine(lab, n)) {
        b.put("address", n.gateway() + "/" + n.prefix());
      }
      bridgeViews.add(b);
    }
    v.put("bridges", bridgeViews);
    List<Map<String, Object>> machines = new ArrayList<>();
    for (Machine m : lab.machines()) {
      Paths p = paths(lab, s, m);
      Map<String, Object> mv = new LinkedHashMap<>();
      mv.put("name", m.name());
      mv.put("dir", p.dir());
      mv.put("base", p.base());
      mv.put("root", p.root());
      mv.put("rootSize", m.diskMib() + "M");
      List<Map<String, Object>> disks = new ArrayList<>();
      for (int i = 0; i < m.disks().size(); i++) {
        disks.add(Map.of("path", p.data().get(i), "size", m.disks().get(i).sizeMib() + "M"));
      }
      mv.put("disks", disks);
      mv.put("seedSource", "cloud-init/" + m.name() + "/nocloud.iso");
      mv.put("seed", p.seed());
      machines.add(mv);
    }
    v.put("machines", machines);
    return Map.of("v", v);
  }

  /** A machine that owns the gateway address (a router) keeps it; dom0 then takes none. */
  private static boolean takenByMachine(Lab lab, Network n) {
    return lab.machines().stream().flatMap(m -> m.nics().stream())
        .anyMatch(nic -> n.name().equals(nic.network()) && Objects.equals(nic.ip(), n.gateway()));
  }

  private static void putIfSet(Map<String, Object> v, String key, String value) {
    if (value != null) {
      v.put(key, value);
    }
  }
}
