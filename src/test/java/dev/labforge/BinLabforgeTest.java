package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/labforge linked onto PATH (~/bin/labforge -> checkout/bin/labforge) and run from another
 * folder must find its own checkout: the jar there, and mvn run there when the jar is missing. A copy
 * of the script sits in a checkout of its own under a temporary folder, with stand-ins for java and
 * mvn that record what they were asked and where.
 */
class BinLabforgeTest {
  @TempDir
  Path temp;
  Path checkout;
  Path record;
  Map<String, String> env;

  @BeforeEach
  void checkoutWithStandIns() throws Exception {
    RealTools.require("sh", "readlink");
    checkout = temp.resolve("check out");
    Files.createDirectories(checkout.resolve("bin"));
    Files.copy(Path.of("bin/labforge"), checkout.resolve("bin/labforge"));
    executable(checkout.resolve("bin/labforge"));
    record = temp.resolve("record");
    Path fakes = Files.createDirectories(temp.resolve("fakes"));
    Files.writeString(fakes.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + record + "'\n");
    // mvn builds the jar in the folder it is run in
    Files.writeString(fakes.resolve("mvn"), "#!/bin/sh\necho \"mvn in $PWD\" >> '" + record + "'\n"
        + "mkdir -p target && : > target/labforge.jar\n");
    executable(fakes.resolve("java"));
    executable(fakes.resolve("mvn"));
    env = Map.of("PATH", fakes + ":" + System.getenv("PATH"), "JAVA_OPTS", "");
    // ~/bin/labforge -> checkout, and a relative link to that link
    Path home = Files.createDirectories(temp.resolve("home/bin"));
    Files.createSymbolicLink(home.resolve("labforge"), checkout.resolve("bin/labforge"));
    Files.createSymbolicLink(home.resolve("lf"), Path.of("labforge"));
    Files.createDirectories(temp.resolve("elsewhere"));
  }

  @Test
  void aLinkOnPathRunsTheJarOfTheCheckoutItLeadsTo() throws Exception {
    Files.createDirectories(checkout.resolve("target"));
    Files.writeString(checkout.resolve("target/labforge.jar"), "");
    for (String link : List.of("home/bin/labforge", "home/bin/lf")) {
      Files.deleteIfExists(record);
      Tools.Run run = Tools.system().run(temp.resolve("elsewhere"), env, 30, temp.resolve(link).toString(), "--version");
      assertThat(run.exitCode()).as(run.output()).isZero();
      List<String> args = Files.readAllLines(record);
      assertThat(args).as(link).containsSubsequence("-jar", checkout.resolve("target/labforge.jar").toString(),
          "--version");
    }
  }

  @Test
  void aLinkOnPathBuildsTheJarInTheCheckout() throws Exception {
    Tools.Run run = Tools.system().run(temp.resolve("elsewhere"), env, 30, temp.resolve("home/bin/lf").toString(),
        "--version");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(Files.readAllLines(record)).startsWith("mvn in " + checkout)
        .containsSubsequence("-jar", checkout.resolve("target/labforge.jar").toString(), "--version");
    assertThat(temp.resolve("elsewhere/target")).doesNotExist();
  }

  /** The real script and jar, when the jar has been built (after `mvn package`). */
  @Test
  void theRealScriptLinkedElsewherePrintsTheVersion() throws Exception {
    Path jar = Path.of("target/labforge.jar").toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "target/labforge.jar is not built yet (mvn package builds it)");
    RealTools.require("java");
    Path link = temp.resolve("home/bin/real-labforge");
    Files.createSymbolicLink(link, Path.of("bin/labforge").toAbsolutePath());
    Tools.Run run = Tools.system().run(temp.resolve("elsewhere"), Map.of(), 60, link.toString(), "--version");
    Files.delete(link); // the link, not the checkout's script
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).startsWith("labforge ");
  }

  private static void executable(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
