package dev.labforge.tools;

import dev.labforge.target.vagrant.RubySyntaxCheck;
import dev.labforge.target.vagrant.VagrantValidateCheck;
import dev.labforge.tools.cloudinit.CloudInitReadersCheck;
import dev.labforge.tools.cloudinit.CloudInitSchemaCheck;
import dev.labforge.tools.cloudinit.IsoLabelCheck;
import dev.labforge.tools.cloudinit.SeedIsoCheck;
import java.util.List;

/** The explicit list of real-tool checks that {@code labforge check} runs, in this order. */
public final class ToolChecks {
  public static final List<ToolCheck> ALL = List.of(
      new ManifestCheck(),
      new PackerFmtCheck(),
      new PackerValidateCheck(),
      new CloudInitSchemaCheck(),
      new CloudInitReadersCheck(),
      new SeedIsoCheck(),
      new IsoLabelCheck(),
      new RubySyntaxCheck(),
      new VagrantValidateCheck(),
      new TerraformFmtCheck());

  private ToolChecks() {}
}
