package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Targets;
import dev.labforge.targets.Tools;
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
    ToolCheck check = Targets.checks().stream().filter(c -> c.name().equals("terraform fmt")).findFirst().orElseThrow();
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

  /**
   * The SSH rule's own count expression, evaluated by terraform over the generated variables.tf:
   * no rule by default, none for an empty answer or a non-IPv4 value, one for a CIDR.
   */
  @Test
  void sshRuleOnlyForAnIpv4Cidr() throws Exception {
    RealTools.require("terraform");
    Path spec = Specs.all().stream().filter(p -> TerraformSettings.of(Specs.lab(p)).sshAllowedFrom() == null)
        .findFirst().orElseThrow();
    Path lab = Specs.generate(spec, temp);
    String count = Parsed.config(spec).resource("openstack_networking_secgroup_rule_v2", "ssh").path("count").asText();
    Path dir = Files.createDirectories(temp.resolve("eval"));
    Files.copy(lab.resolve("terraform/openstack/variables.tf"), dir.resolve("variables.tf"));
    Files.writeString(dir.resolve("probe.tf"), "output \"ssh_rules\" {\n  value = \"" + count + "\"\n}\n");
    assertThat(terraform(dir, "init", "-input=false", "-no-color").ok()).isTrue();
    assertThat(rules(dir)).isEqualTo("0");
    assertThat(rules(dir, "-var", "ssh_allowed_from=")).isNull();
    assertThat(rules(dir, "-var", "ssh_allowed_from=2001:db8::/32")).isNull();
    assertThat(rules(dir, "-var", "ssh_allowed_from=not-a-cidr")).isNull();
    assertThat(rules(dir, "-var", "ssh_allowed_from=203.0.113.0/24")).isEqualTo("1");
  }

  /** The output after an apply with these arguments, or null when terraform refused them. */
  private static String rules(Path dir, String... vars) throws Exception {
    String[] args = Stream.concat(Stream.of("apply", "-auto-approve", "-input=false", "-no-color"), Stream.of(vars))
        .toArray(String[]::new);
    if (!terraform(dir, args).ok()) {
      return null;
    }
    return terraform(dir, "output", "-raw", "ssh_rules").output().strip();
  }
}
