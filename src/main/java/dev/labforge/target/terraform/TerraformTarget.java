package dev.labforge.target.terraform;

import dev.labforge.model.Lab;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import dev.labforge.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** terraform/openstack/: network, subnet, router, security group, key pair, ports, instances, volumes. */
public final class TerraformTarget implements Target {
  public static final String DIR = "terraform/openstack/";
  public static final String SCHEMA = "schemas/terraform/openstack.schema.json";
  static final List<String> FILES = List.of("versions.tf", "variables.tf", "main.tf", "outputs.tf");

  @Override
  public String id() {
    return "terraform";
  }

  @Override
  public List<RenderedFile> render(Lab lab, Templates templates) throws RenderException {
    Map<String, Object> view = TerraformView.of(lab);
    List<RenderedFile> files = new ArrayList<>();
    for (String file : FILES) {
      String template = "terraform/openstack/" + file + ".ftl";
      files.add(RenderedFile.text(DIR + file, templates.render(template, view), "templates/" + template,
          Format.HCL, SCHEMA));
    }
    return files;
  }
}
