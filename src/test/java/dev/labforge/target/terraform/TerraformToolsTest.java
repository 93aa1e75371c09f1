package dev.labforge.target.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.tools.ToolCheck;
import dev.labforge.tools.ToolChecks;
import dev.labforge.tools.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real terraform binary on whole generated trees: fmt finds nothing to change, and the
 * {@code labforge check} entry sees a misaligned file and a syntax error.
 */
class TerraformToolsTest {
  @TempDir
  Path temp;

  static Tools.Run terraform(Path dir, String... args) throws Exception {
    Path config = Files.createTempFile("tfrc", ".tfrc");
    try {
      String[] command = Stream.concat(Stream.of("terraform"), Stream.of(args)).toArray(String[]::new);
      return Tools.system().run(dir, Map.of("TF_CLI_CONFIG_FILE", config.toString()), 120, command);
    } finally {
      Files.delete(config);
    }
  }

  @TestFactory
  Stream<DynamicTest> fmtFindsNothingToChange() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require("terraform");
      Path lab = Specs.generate(spec, temp);
      Tools.Run run = terraform(lab, "fmt", "-check", "-recursive", "-diff", "-no-color");
      assertThat(run.exitCode()).as(run.output()).isZero();
    }));
  }

  @Test
  void checkPassesCleanOutputAndReportsReformattingAndSyntaxErrors() throws Exception {
    RealTools.require("terraform");
    ToolCheck check = ToolChecks.ALL.stream().filter(c -> c.name().equals("terraform fmt")).findFirst().orElseThrow();
    Path lab = Specs.generate(Specs.all().get(0), temp);
    assertThat(check.run(lab, Tools.system())).isEmpty();

    Path versions = lab.resolve("terraform/openstack/versions.tf");
    String text = Files.readString(versions);
    Files.writeString(versions, text.replace("  cloud = var.cloud", "  cloud    = var.cloud"));
    List<String> misaligned = check.run(lab, Tools.system());
    assertThat(misaligned).singleElement().asString().contains("not in canonical format").contains("versions.tf");

    Files.writeString(versions, text.replace("cloud = var.cloud", "cloud = "));
    assertThat(check.run(lab, Tools.system())).singleElement().asString().contains("exit 2");
  }
}
