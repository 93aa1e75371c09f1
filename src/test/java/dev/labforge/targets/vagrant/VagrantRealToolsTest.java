package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Main;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Targets;
import dev.labforge.targets.Tools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec's Vagrantfile passes {@code ruby -c} and {@code vagrant validate -p}, run through the
 * same {@link ToolCheck}s {@code labforge check} uses; and those checks do fail on a broken file.
 */
class VagrantRealToolsTest {
  @TempDir
  Path out;

  @TestFactory
  Stream<DynamicTest> everySpecPassesRubyAndVagrantValidate() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require("ruby", "vagrant");
      Path lab = Specs.generate(spec, out);
      assertThat(new RubySyntaxCheck().run(lab, Tools.system())).isEmpty();
      assertThat(new VagrantValidateCheck().run(lab, Tools.system())).isEmpty();
    }));
  }

  @Test
  void checksAreRegisteredForLabforgeCheck() {
    assertThat(Targets.checks()).anyMatch(c -> c instanceof RubySyntaxCheck)
        .anyMatch(c -> c instanceof VagrantValidateCheck);
  }

  @Test
  void labforgeCheckRunsBoth() {
    RealTools.require("ruby", "vagrant");
    Path lab = Specs.generate(Specs.examples().get(0), out);
    StringWriter stdout = new StringWriter();
    int code = Main.run(new PrintWriter(stdout), new PrintWriter(new StringWriter()), "check", lab.toString());
    assertThat(code).isZero();
    assertThat(stdout.toString()).contains("ok   ruby -c: ").contains("ok   vagrant validate -p: ");
  }

  @Test
  void vagrantValidateReportsAnUnknownVmKey() throws Exception {
    RealTools.require("vagrant");
    Path lab = Specs.generate(Specs.examples().get(0), out);
    Path file = lab.resolve("vagrant/Vagrantfile");
    Files.writeString(file, Files.readString(file).replace("m.vm.hostname =", "m.vm.hostnaem ="));
    List<String> problems = new VagrantValidateCheck().run(lab, Tools.system());
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("hostnaem");
  }

  @Test
  void rubySyntaxReportsABrokenLiteral() throws Exception {
    RealTools.require("ruby");
    Path lab = Specs.generate(Specs.examples().get(0), out);
    Path file = lab.resolve("vagrant/Vagrantfile");
    Files.writeString(file, Files.readString(file).replace("m.vm.box = '", "m.vm.box = ('"));
    assertThat(new RubySyntaxCheck().run(lab, Tools.system())).singleElement().asString().contains("Vagrantfile");
  }
}
