package dev.labforge.targets.lxd;

import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Machine;
import dev.labforge.model.Network;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.LabScriptCheck;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.lxd.LxdView.HostView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lxd/preseed.yaml} for {@code lxd init --preseed} (storage pool, one bridge per network,
 * one profile per machine carrying its cloud-init seed, NICs and disks) and {@code lxd/lab.sh}.
 * A lab with {@code hosts} runs on an LXD cluster: {@code lxd/cluster/<host>.yaml} per member
 * (the first bootstraps, the others join), the preseed holds only the profiles, and lab.sh forms
 * the cluster, spans each network over the members and places each machine on its host.
 */
public final class LxdTarget implements Target {
  public static final String ID = "lxd";
  static final String PRESEED = "lxd/preseed.yaml";
  static final String LAB_SH = "lxd/lab.sh";
  static final String PRESEED_SCHEMA = "lxd/preseed";
  static final String CLUSTER_MEMBER_SCHEMA = "lxd/cluster-member";

  private static final About ABOUT = new About(ID,
      "an lxd init --preseed file (pool, bridges, a profile per machine with its seed) and a lab.sh",
      List.of(PRESEED_SCHEMA, CLUSTER_MEMBER_SCHEMA), LxdSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("launch the machines in LXD (docs/targets/lxd.md):",
        "cd " + labDir + "/lxd && bash lab.sh up");
  }

  /** A lab over {@link LabHosts#SEED_LIMIT}: every profile carries its machine's seed, and so its /etc/hosts, which lists that machine only. */
  @Override
  public List<Warning> warnings(Lab lab) {
    List<Warning> warnings = new ArrayList<>(LabHosts.warnings(lab));
    if (lab.clustered()) {
      warnings.addAll(clusterWarnings(lab));
    }
    return warnings;
  }

  /**
   * On a cluster the bridges carry no address (see {@link LxdViews}): a network's DHCP and NAT are
   * not there, so a machine that asks for an address gets none and nothing leaves the lab.
   */
  static List<Warning> clusterWarnings(Lab lab) {
    List<Warning> warnings = new ArrayList<>();
    for (int i = 0; i < lab.networks().size(); i++) {
      Network network = lab.networks().get(i);
      List<String> dhcp = new ArrayList<>();
      for (Machine m : lab.machines()) {
        if (m.nics().stream().anyMatch(n -> n.dhcp() && n.network().equals(network.name()))) {
          dhcp.add(m.name());
        }
      }
      if (!dhcp.isEmpty()) {
        warnings.add(new Warning("/networks/" + i, "on an LXD cluster the bridges of network '" + network.name()
            + "' serve no DHCP, so " + String.join(", ", dhcp) + " get no address there; give their NICs an ip"));
      }
      if ("nat".equals(network.kind()) && !network.routedByMachine()) {
        warnings.add(new Warning("/networks/" + i + "/kind", "on an LXD cluster the bridges of network '"
            + network.name() + "' have no address, so no NAT: put a router machine on it for a way out"));
      }
    }
    return warnings;
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new LabScriptCheck(LAB_SH));
  }

  /** One file at a time: a big lab's preseed (every machine's profile) is the largest file labforge writes. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    LxdView view = LxdViews.of(lab, templates);
    out.accept(templates.file(PRESEED, "lxd/preseed.yaml.ftl", view, Formats.YAML,
        Schemas.resource(PRESEED_SCHEMA)));
    for (int i = 0; i < view.hosts().size(); i++) {
      HostView member = view.hosts().get(i);
      out.accept(templates.file("lxd/" + member.preseed(), "lxd/cluster-member.yaml.ftl",
          new ClusterMemberView(view.lab(), member, view.hosts().get(0), i == 0), Formats.YAML,
          Schemas.resource(CLUSTER_MEMBER_SCHEMA)));
    }
    out.accept(templates.file(LAB_SH, "lxd/lab.sh.ftl", view, Formats.TEXT, null));
  }
}
