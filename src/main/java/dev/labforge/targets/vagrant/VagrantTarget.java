package dev.labforge.targets.vagrant;

import dev.labforge.model.Lab;
import dev.labforge.model.LabHosts;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import java.util.List;

/**
 * One multi-machine {@code vagrant/Vagrantfile}. Ruby cannot be read back, so the view is
 * schema-checked before rendering; {@code ruby -c} is one of the tool checks.
 */
public final class VagrantTarget implements Target {
  public static final String ID = "vagrant";
  static final String TEMPLATE = "vagrant/Vagrantfile.ftl";
  static final String PATH = "vagrant/Vagrantfile";

  /** The template's view: {@code v}, the schema-checked part, and the fixed guest scripts' lines. */
  public record VagrantfileView(VagrantView v, GuestScripts.Lines guest) {}

  private static final About ABOUT = new About(ID,
      "one multi-machine Vagrantfile (libvirt, virtualbox, vmware_desktop)",
      List.of(ViewValidation.SCHEMA_NAME), VagrantSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("bring the machines up (docs/targets/vagrant.md):",
        "cd " + labDir + "/vagrant && vagrant up --provider=libvirt");
  }

  /** A lab over {@link LabHosts#SEED_LIMIT}: the provisioning writes each machine's /etc/hosts, which lists that machine only. */
  @Override
  public List<Warning> warnings(Lab lab) {
    return LabHosts.warnings(lab);
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new RubySyntaxCheck(), new VagrantValidateCheck());
  }

  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    out.accept(file(lab, templates));
  }

  /** The Vagrantfile text, its view checked against its schema first. */
  public static String text(Lab lab, TemplateRenderer templates) throws RenderException {
    return file(lab, templates).text();
  }

  private static RenderedFile file(Lab lab, TemplateRenderer templates) throws RenderException {
    VagrantView view = VagrantViews.of(lab, templates);
    ViewValidation.check(view, "templates/" + TEMPLATE);
    return templates.file(PATH, TEMPLATE, new VagrantfileView(view, GuestScripts.LINES), Formats.RUBY, null);
  }
}
