package dev.labforge.targets.cloudinit;

import dev.labforge.testing.Rendered;
import static dev.labforge.model.Ips.ip;
import static dev.labforge.model.Ips.subnet;

import dev.labforge.model.Disk;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Image;
import dev.labforge.model.Ids;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Nic;
import dev.labforge.model.Script;
import dev.labforge.model.TargetSettings;
import dev.labforge.model.User;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A one-machine lab carrying given file contents and commands, rendered by the real target. */
final class SeedMachines {
  static final TemplateRenderer TEMPLATES = new TemplateRenderer();

  private SeedMachines() {}

  static Lab lab(List<String> contents, List<String> commands) {
    List<GuestFile> files = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      files.add(new GuestFile("/etc/probe/" + i, contents.get(i), "0644", "root:root"));
    }
    List<Script> scripts = List.of(new Script("probe", "probe.sh", "/var/lib/labforge/scripts/01-probe.sh",
        contents.isEmpty() ? "#!/bin/sh\n" : contents.get(0), true));
    Network net = new Network("lab", subnet("192.168.56.0/24"), ip("192.168.56.1"), false, List.of(ip("192.168.56.1")),
        "private", List.of(), null);
    Nic nic = new Nic(0, "eth0", "lab", ip("192.168.56.10"), net.subnet(), net.gateway(), "52:54:00:12:34:56", true,
        net.dns(), List.of());
    User user = new User("lab", true, List.of(), null, List.of(), "/bin/bash");
    String id = Ids.instanceId(String.join("\u0000", contents).getBytes(StandardCharsets.UTF_8));
    Machine m = Machine.builder().name("probe").image("img").users(List.of(user)).packages(List.of("vim"))
        .disks(List.of(new Disk("data", 1024, "/srv/data", "ext4", "vdb"))).nics(List.of(nic)).files(files)
        .commands(commands).scripts(scripts).fqdn("probe.probe-lab.internal").instanceId(id).build();
    // The machine's image decides whether its NICs carry ifupdown's `up` command (GuestNics).
    Image image = new Image("img", "debian", "12", "https://example.invalid/img.qcow2", "none", "qcow2",
        List.of("qemu"), null, null, List.of(), List.of());
    return new Lab("probe-lab", "", "probe.yaml", List.of(image), List.of(net), List.of(m),
        new TargetSettings(Set.of(), Map.of()));
  }

  static List<RenderedFile> render(Lab lab) throws Exception {
    return Rendered.of(new CloudInitTarget(), lab, TEMPLATES);
  }

  static RenderedFile userData(List<RenderedFile> files) {
    return files.stream().filter(f -> f.path().endsWith("/user-data")).findFirst().orElseThrow();
  }
}
