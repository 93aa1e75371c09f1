package dev.labforge.targets.xen;

import dev.labforge.model.Lab;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import java.util.List;

/** xen/: one xl domain configuration per machine (PVH or HVM) and a lab.sh that drives xl. */
public final class XenTarget implements Target {
  public static final String ID = "xen";
  public static final String DIR = "xen/";
  static final String SCHEMA_NAME = "xen/domain";
  public static final String SCHEMA = Schemas.resource(SCHEMA_NAME);

  private static final About ABOUT = new About(ID,
      "xl domain configurations (PVH or HVM) and a lab.sh for a Xen dom0",
      List.of(SCHEMA_NAME), XenSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  /** Each domain boots with its machine's nocloud.iso, which lab.sh copies next to its disks. */
  @Override
  public List<String> requires() {
    return List.of(CloudInitTarget.ID);
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("start the domains on a Xen dom0 (docs/targets/xen.md):",
        "cd " + labDir + "/xen && bash lab.sh up");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new XlParserCheck());
  }

  /** One domain at a time: a big lab's configs are never held together. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    XenView view = XenViews.of(lab);
    for (XenView.DomainView domain : view.domains()) {
      out.accept(new RenderedFile(DIR + domain.machine() + ".cfg",
          templates.renderUtf8("xen/machine.cfg.ftl", domain), "templates/xen/machine.cfg.ftl",
          XlFormat.XL, SCHEMA));
    }
    out.accept(templates.file(DIR + "lab.sh", "xen/lab.sh.ftl", view, Formats.TEXT, null));
  }
}
