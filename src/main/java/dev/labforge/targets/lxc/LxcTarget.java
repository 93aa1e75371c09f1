package dev.labforge.targets.lxc;

import dev.labforge.model.Lab;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.LabScriptCheck;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.CloudInitTarget;
import java.util.List;

/**
 * lxc/: one classic LXC config per machine (veth NICs on the lab's bridges, cgroup v2 limits, the
 * NoCloud seed as a mount entry) and a lab.sh that drives lxc-create, lxc-start and lxc-destroy.
 */
public final class LxcTarget implements Target {
  public static final String ID = "lxc";
  static final String DIR = "lxc/";
  static final String LAB_SH = DIR + "lab.sh";
  static final String CONFIG_SCHEMA_NAME = "lxc/config";

  private static final About ABOUT = new About(ID,
      "classic LXC configs (veth NICs, cgroup v2 limits, the seed as a mount entry) and a lab.sh",
      List.of(CONFIG_SCHEMA_NAME), LxcSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  /** Each container mounts its machine's NoCloud seed, which lab.sh copies from cloud-init/. */
  @Override
  public List<String> requires() {
    return List.of(CloudInitTarget.ID);
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("start the containers with classic LXC, as root (docs/targets/lxc.md):",
        "cd " + labDir + "/lxc && bash lab.sh up");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new LxcParserCheck(), new LabScriptCheck(LAB_SH));
  }

  /** One container at a time: a big lab's configs are never held together. */
  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    LxcView view = LxcViews.of(lab);
    for (LxcView.ContainerView c : view.containers()) {
      out.accept(new RenderedFile(configPath(c.machine()), templates.renderUtf8("lxc/config.ftl", c),
          "templates/lxc/config.ftl", LxcConfigFormat.LXC, Schemas.resource(CONFIG_SCHEMA_NAME)));
    }
    out.accept(templates.file(LAB_SH, "lxc/lab.sh.ftl", view, Formats.TEXT, null));
  }

  /** {@code lxc/<machine>/config}, the name LXC itself gives a container's config. */
  public static String configPath(String machine) {
    return DIR + machine + "/config";
  }
}
