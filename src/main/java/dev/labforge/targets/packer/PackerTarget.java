package dev.labforge.targets.packer;

import dev.labforge.hcl.HclFormat;
import dev.labforge.hcl.HclSyntaxException;
import dev.labforge.model.GuestFile;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Script;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.Format;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.ToolCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code packer/<image>.pkr.hcl} for every image, ready for {@code packer init && packer build},
 * with the seed or installer files, guest files and scripts it reads next to it.
 */
public final class PackerTarget implements Target {
  static final String TEMPLATE = "packer/image.pkr.hcl.ftl";
  static final String TEMPLATE_SCHEMA = "packer/template";
  static final String SCHEMA = Schemas.resource(TEMPLATE_SCHEMA);
  static final String INSTALLS = "packer/provision/install-files.sh.ftl";

  private static final About ABOUT = new About("packer",
      "Packer HCL2 templates, one per image (qemu, lxd, virtualbox-iso, vmware-iso)",
      List.of(TEMPLATE_SCHEMA, Seeds.SEED, Seeds.META, Seeds.AUTOINSTALL), PackerSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    List<String> steps = new ArrayList<>(List.of("build each image (docs/targets/packer.md):",
        "cd " + labDir + "/packer"));
    for (Image image : lab.images()) {
      String file = image.name() + ".pkr.hcl";
      steps.add("packer init " + file + " && packer build " + file);
    }
    return steps;
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new PackerFmtCheck(), new PackerValidateCheck());
  }

  @Override
  public List<Warning> warnings(Lab lab) {
    return PackerWarnings.of(lab);
  }

  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    for (Image image : lab.images()) {
      ImagePlan plan = ImagePlan.of(lab, image);
      String path = "packer/" + image.name() + ".pkr.hcl";
      String text = templates.render(TEMPLATE, new PackerViews(plan).view());
      try {
        text = HclFormat.align(path, text);
      } catch (HclSyntaxException e) {
        throw new RenderException("templates/" + TEMPLATE, path + " is not HCL: " + e.getMessage());
      }
      out.accept(RenderedFile.text(path, text, "templates/" + TEMPLATE, Formats.HCL, SCHEMA));
      for (RenderedFile seed : Seeds.files(plan, templates)) {
        out.accept(seed);
      }
      Provisioners provisioners = new Provisioners(plan);
      out.accept(RenderedFile.text("packer/" + Provisioners.commandsSource(plan),
          Provisioners.script(provisioners.commandLines()), "PackerTarget", Formats.TEXT, null));
      if (!image.files().isEmpty()) {
        out.accept(RenderedFile.text("packer/" + Provisioners.installsSource(plan),
            templates.render(INSTALLS, provisioners.installs()), "templates/" + INSTALLS, Formats.TEXT, null));
      }
      List<GuestFile> guestFiles = image.files();
      for (int i = 0; i < guestFiles.size(); i++) {
        out.accept(RenderedFile.text("packer/" + Provisioners.fileSource(plan, i, guestFiles.get(i)),
            guestFiles.get(i).content(), "PackerTarget", Formats.TEXT, null));
      }
      for (Script script : image.scripts()) {
        out.accept(RenderedFile.text("packer/" + Provisioners.scriptSource(plan, script), script.content(),
            "PackerTarget", Formats.TEXT, null));
      }
    }
  }
}
