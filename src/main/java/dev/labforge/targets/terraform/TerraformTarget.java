package dev.labforge.targets.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.hcl.HclFormat;
import dev.labforge.hcl.HclSyntaxException;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.cloudinit.CloudInitTarget;
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
import java.util.ArrayList;
import java.util.List;

/** terraform/openstack/: network, subnet, router, security group, key pair, ports, instances, volumes. */
public final class TerraformTarget implements Target {
  public static final String ID = "terraform";
  public static final String DIR = "terraform/openstack/";
  static final String SCHEMA_NAME = "terraform/openstack";
  public static final String SCHEMA = Schemas.resource(SCHEMA_NAME);
  static final List<String> FILES = List.of("versions.tf", "variables.tf", "main.tf", "outputs.tf");

  private static final About ABOUT = new About(ID,
      "Terraform for OpenStack: networks, ports, instances with cloud-init user_data, volumes",
      List.of(SCHEMA_NAME), TerraformSettings::of);

  @Override
  public About about() {
    return ABOUT;
  }

  /** Every instance's user_data is {@code filebase64()} of cloud-init's user-data. */
  @Override
  public List<String> requires() {
    return List.of(CloudInitTarget.ID);
  }

  @Override
  public List<String> nextSteps(Lab lab, String labDir) {
    return List.of("create the lab on OpenStack (docs/targets/terraform.md):",
        "cd " + labDir + "/terraform/openstack && terraform init && terraform apply -var cloud=CLOUD");
  }

  @Override
  public List<ToolCheck> checks() {
    return List.of(new TerraformFmtCheck());
  }

  @Override
  public void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException {
    TerraformView view = TerraformView.of(lab);
    for (String file : FILES) {
      String template = "terraform/openstack/" + file + ".ftl";
      String text;
      try {
        text = HclFormat.align(DIR + file, templates.render(template, view));
      } catch (HclSyntaxException e) {
        throw new RenderException("templates/" + template, DIR + file + " is not HCL: " + e.getMessage());
      }
      out.accept(RenderedFile.text(DIR + file, text, "templates/" + template, Formats.HCL, SCHEMA));
    }
  }
}
