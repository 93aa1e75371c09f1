package dev.labforge.target.packer;

import dev.labforge.model.GuestFile;
import dev.labforge.model.Image;
import dev.labforge.model.Lab;
import dev.labforge.model.Script;
import dev.labforge.output.hcl.HclFormat;
import dev.labforge.output.hcl.HclSyntaxException;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import dev.labforge.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code packer/<image>.pkr.hcl} for every image, ready for {@code packer init && packer build},
 * with the seed or installer files, guest files and scripts it reads next to it.
 */
public final class PackerTarget implements Target {
  static final String TEMPLATE = "packer/image.pkr.hcl.ftl";
  static final String SCHEMA = "schemas/packer/template.schema.json";

  @Override
  public String id() {
    return "packer";
  }

  @Override
  public List<RenderedFile> render(Lab lab, Templates templates) throws RenderException {
    List<RenderedFile> files = new ArrayList<>();
    for (Image image : lab.images()) {
      ImagePlan plan = ImagePlan.of(lab, image);
      String path = "packer/" + image.name() + ".pkr.hcl";
      String text = templates.render(TEMPLATE, Map.of("v", new ViewBuilder(plan).view()));
      try {
        text = HclFormat.align(path, text);
      } catch (HclSyntaxException e) {
        throw new RenderException("templates/" + TEMPLATE, path + " is not HCL: " + e.getMessage());
      }
      files.add(RenderedFile.text(path, text, "templates/" + TEMPLATE, Format.HCL, SCHEMA));
      files.addAll(Seeds.files(plan, templates));
      Provisioners provisioners = new Provisioners(plan);
      files.add(RenderedFile.text("packer/" + Provisioners.commandsSource(plan),
          Provisioners.script(provisioners.commandLines()), "PackerTarget", Format.TEXT, null));
      if (!image.files().isEmpty()) {
        files.add(RenderedFile.text("packer/" + Provisioners.installsSource(plan),
            Provisioners.script(provisioners.installLines()), "PackerTarget", Format.TEXT, null));
      }
      List<GuestFile> guestFiles = image.files();
      for (int i = 0; i < guestFiles.size(); i++) {
        files.add(RenderedFile.text("packer/" + Provisioners.fileSource(plan, i, guestFiles.get(i)),
            guestFiles.get(i).content(), "PackerTarget", Format.TEXT, null));
      }
      for (Script script : image.scripts()) {
        files.add(RenderedFile.text("packer/" + Provisioners.scriptSource(plan, script), script.content(),
            "PackerTarget", Format.TEXT, null));
      }
    }
    return files;
  }
}
