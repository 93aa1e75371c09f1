package dev.labforge.targets.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * LXC 5.0's own parser ({@code lxc-create -t none}) accepts every config of every spec, the
 * check that runs it reports a key LXC refuses even though lxc-create exits 0 then, and every
 * lab.sh passes shellcheck.
 */
class LxcParserTest {
  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> lxcAcceptsEveryConfig() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require(LxcParserCheck.TOOL);
      Path lab = Specs.generate(spec, work.resolve(Specs.id(spec)));
      assertThat(new LxcParserCheck().run(lab, Tools.system())).as("%s", spec).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> labShPassesShellcheck() {
    return Specs.all().stream().map(spec -> DynamicTest.dynamicTest(Specs.id(spec), () -> {
      RealTools.require("shellcheck");
      Path lab = Specs.generate(spec, work.resolve(Specs.id(spec)));
      assertThat(new dev.labforge.targets.LabScriptCheck(LxcTarget.LAB_SH).run(lab, Tools.system())).as("%s", spec).isEmpty();
    }));
  }

  @Test
  void aRefusedKeyIsReportedThoughLxcCreateExitsZero() throws Exception {
    RealTools.require(LxcParserCheck.TOOL);
    Path lab = Specs.generate(Specs.examples().get(0), work.resolve("bad"));
    Path config;
    try (Stream<Path> s = Files.list(lab.resolve("lxc"))) {
      config = s.map(p -> p.resolve("config")).filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    Files.writeString(config, "lxc.network.0.type = veth\n", StandardOpenOption.APPEND);
    String machine = config.getParent().getFileName().toString();
    assertThat(new LxcParserCheck().run(lab, Tools.system())).singleElement().asString()
        .startsWith("lxc/" + machine + "/config: refused by LXC's parser:\n")
        .contains("Unsupported config key \"lxc.network.0.type\"");
  }

  @Test
  void onlyTheMissingRootFileSystemIsExpected() {
    assertThat(LxcParserCheck.refusals("""
        lxc-create: web: ../src/lxc/lxccontainer.c: __lxcapi_create: 1840 The rootfs "/var/lib/lxc/l-web/rootfs" does not exist
        lxc-create: web: ../src/lxc/tools/lxc_create.c: main: 317 Failed to create container web
        """)).isEmpty();
    assertThat(LxcParserCheck.refusals("""
        lxc-create: web: ../src/lxc/confile.c: set_config_net_hwaddr: 1 Invalid argument - bad
        lxc-create: web: ../src/lxc/tools/lxc_create.c: main: 317 Failed to create container web
        """)).containsExactly("lxc-create: web: ../src/lxc/confile.c: set_config_net_hwaddr: 1 Invalid argument - bad");
  }
}
