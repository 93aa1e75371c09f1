package dev.labforge.tools;

import java.util.List;

/** The explicit list of real-tool checks that {@code labforge check} runs. */
public final class ToolChecks {
  public static final List<ToolCheck> ALL = List.of(new ManifestCheck(),
      new PackerFmtCheck(), new PackerValidateCheck());

  private ToolChecks() {}
}
