package dev.labforge.targets.inventory;

import dev.labforge.model.Lab;
import dev.labforge.render.FileSink;
import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import java.util.List;

/**
 * {@code inventory/}: /etc/hosts lines, an ssh_config, an Ansible inventory and the topology as
 * DOT and SVG. Everything is computed from the model; the templates only lay it out.
 */
public final class InventoryTarget implements Target {
  public static final String ID = "inventory";
  static final String ANSIBLE_SCHEMA = ID + "/ansible";
  static final String SVG_SCHEMA = ID + "/topology-svg";

  private static final About ABOUT = new About(ID,
      "/etc/hosts lines, an ssh_config, an Ansible inventory, the topology as DOT and SVG",
      List.of(ANSIBLE_SCHEMA, SVG_SCHEMA), InventorySettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("reach the machines by name, and see the lab (docs/targets/inventory.md):",
        "ssh -F " + labDir + "/inventory/ssh_config " + lab.machines().get(0).name(),
        "ansible -i " + labDir + "/inventory/ansible.yml all -m ping",
        "xdg-open " + labDir + "/inventory/topology.svg");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new InventoryChecks.Ssh(), new InventoryChecks.AnsibleInventory(), new InventoryChecks.Dot());
  }

  /** One file at a time: each lists the whole lab. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    Topology topology = InventoryViews.topology(lab);
    out.accept(file(templates, "hosts", InventoryViews.hosts(lab), Formats.TEXT, null));
    out.accept(file(templates, "ssh_config", InventoryViews.sshConfig(lab), Formats.TEXT, null));
    out.accept(file(templates, "ansible.yml", InventoryViews.ansible(lab), Formats.YAML,
        Schemas.resource(ANSIBLE_SCHEMA)));
    out.accept(file(templates, "topology.dot", TopologyDot.view(topology), Formats.TEXT, null));
    out.accept(file(templates, "topology.svg", new InventoryViews.SvgView(lab.name(), TopologySvg.draw(topology)),
        Svg.FORMAT, Schemas.resource(SVG_SCHEMA)));
  }

  private static RenderedFile file(TemplateRenderer templates, String name, Record view, Format format,
      String schema) throws RenderException {
    String template = ID + "/" + name + ".ftl";
    return templates.file(ID + "/" + name, template, view, format, schema);
  }
}
