package dev.labforge.targets.libvirt;

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
import dev.labforge.targets.cloudinit.CloudInitTarget;
import java.util.List;

/**
 * libvirt/: one network XML per spec network, one domain XML per machine, lab.sh (virsh and
 * qemu-img) and the same machines as virt-install commands. Domains boot the machine's NoCloud
 * seed from the cloud-init target.
 */
public final class LibvirtTarget implements Target {
  public static final String ID = "libvirt";
  static final String DIR = "libvirt/";
  static final String NETWORKS = "networks/";
  static final String DOMAINS = "domains/";
  static final String NETWORK = "libvirt/network";
  static final String DOMAIN = "libvirt/domain";
  static final String NETWORK_SCHEMA = Schemas.resource(NETWORK);
  static final String DOMAIN_SCHEMA = Schemas.resource(DOMAIN);

  private static final About ABOUT = new About(ID,
      "libvirt network and domain XML, lab.sh (virsh, qemu-img) and virt-install commands",
      List.of(DOMAIN, NETWORK), LibvirtSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  /** Every domain boots its machine's cloud-init/<machine>/nocloud.iso. */
  @Override
  public List<String> requires() {
    return List.of(CloudInitTarget.ID);
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("define and start the networks and machines in libvirt (docs/targets/libvirt.md):",
        "cd " + labDir + "/libvirt && bash lab.sh up");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new VirtXmlValidateCheck(), new ShellcheckCheck());
  }

  /** One domain at a time: a big lab's 10,000 domain files are never held together. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    LibvirtSettings settings = LibvirtSettings.of(lab);
    for (LibvirtViews.NetworkView n : LibvirtViews.networks(lab, settings)) {
      out.accept(file(templates, DIR + n.file(), "libvirt/networks/network.xml.ftl", n,
          XmlTree.FORMAT, NETWORK_SCHEMA));
    }
    for (LibvirtViews.DomainView d : LibvirtViews.domains(lab, settings)) {
      out.accept(file(templates, DIR + d.file(), "libvirt/domains/domain.xml.ftl", d,
          XmlTree.FORMAT, DOMAIN_SCHEMA));
    }
    LibvirtViews.ScriptView script = LibvirtViews.script(lab, settings);
    out.accept(file(templates, DIR + "lab.sh", "libvirt/lab.sh.ftl", script, Formats.TEXT, null));
    out.accept(file(templates, DIR + "virt-install.sh", "libvirt/virt-install.sh.ftl", script, Formats.TEXT, null));
  }

  private static RenderedFile file(TemplateRenderer templates, String path, String template, Record view,
      Format format, String schema) throws RenderException {
    return templates.file(path, template, view, format, schema);
  }
}
