package dev.labforge.tools;

import java.util.List;

/** The explicit list of real-tool checks that {@code labforge check} runs. */
public final class ToolChecks {
  public static final List<ToolCheck> ALL = List.of(new ManifestCheck(),
      new dev.labforge.tools.cloudinit.CloudInitSchemaCheck(), new dev.labforge.tools.cloudinit.CloudInitReadersCheck(),
      new dev.labforge.tools.cloudinit.SeedIsoCheck(), new dev.labforge.tools.cloudinit.IsoLabelCheck(),
      new PackerFmtCheck(), new PackerValidateCheck());

  private ToolChecks() {}
}
