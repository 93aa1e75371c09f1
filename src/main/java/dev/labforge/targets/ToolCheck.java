package dev.labforge.targets;

import java.nio.file.Path;
import java.util.List;

/**
 * One check of a generated tree by a real consumer (cloud-init, packer, vagrant, terraform,
 * xorriso). A target lists its checks in {@link Target#checks()}.
 */
public interface ToolCheck {
  /** Shown in the report, e.g. "packer validate". */
  String name();

  /** Executables that must be on PATH (or absolute paths that must exist); empty for none. */
  List<String> requires();

  /** The problems found in {@code labDir}; empty when the tool accepted everything. */
  List<String> run(Path labDir, Tools tools) throws Exception;
}
