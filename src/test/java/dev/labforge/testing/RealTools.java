package dev.labforge.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labforge.targets.Tools;

/**
 * Tests of real consumers run when the tool is on PATH. In CI (CI=true) a missing tool fails the
 * test instead of skipping it: .ci/run installs every tool, so a skip there would hide a gap.
 */
public final class RealTools {
  private RealTools() {}

  public static boolean inCi() {
    return "true".equals(System.getenv("CI"));
  }

  /** Why the tools cannot run ("X not on PATH"), or empty when they all can. */
  public static java.util.Optional<String> missing(String... executables) {
    Tools tools = Tools.system();
    for (String executable : executables) {
      if (!tools.has(executable)) {
        return java.util.Optional.of(executable + " not on PATH");
      }
    }
    return java.util.Optional.empty();
  }

  public static void require(String... executables) {
    Tools tools = Tools.system();
    for (String executable : executables) {
      if (!tools.has(executable)) {
        if ("true".equals(System.getenv("CI"))) {
          fail(executable + " is not installed, but CI must run this test (.ci/run installs it)");
        }
        assumeTrue(false, executable + " not on PATH; skipped outside CI");
      }
    }
  }

}
