package dev.labforge.targets.cloudinit;

import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.render.RenderException;
import dev.labforge.render.TemplateRenderer;
import java.util.List;

/**
 * The machine's whole /etc/hosts, with every lab machine in it, so names resolve inside the lab
 * (in a lab over {@link LabHosts#SEED_LIMIT} machines, the machine itself only: see there).
 * It is written once (not deferred) with {@code manage_etc_hosts: false}: with true, cloud-init
 * would rebuild the file from its distro template on every boot and drop the lab's lines.
 */
public final class EtcHosts {
  static final String PATH = "/etc/hosts";
  static final String TEMPLATE = CloudInitTarget.ID + "/include/etc-hosts.ftl";

  /** The view of the template: {@code lines} are the lab's addresses and names, or only the machine's own. */
  public record View(String lab, String machine, String hostname, String fqdn, boolean fixedAddress,
      boolean listsAll, List<LabHosts.Line> lines) {}

  private EtcHosts() {}

  /** The file's text, or null when the spec writes /etc/hosts itself (its file wins). */
  static String text(Lab lab, Machine machine, TemplateRenderer templates) throws RenderException {
    if (machine.files().stream().anyMatch(f -> f.path().equals(PATH))) {
      return null;
    }
    return templates.render(TEMPLATE, new View(lab.name(), machine.name(), machine.hostname(),
        machine.fqdn(), LabHosts.hasFixedAddress(machine), LabHosts.listsAll(lab), LabHosts.lines(lab, machine)));
  }
}
