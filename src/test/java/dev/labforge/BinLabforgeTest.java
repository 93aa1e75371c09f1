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

  /**
   * The real script with the real java and labforge's classes, linked elsewhere. The checkout's jar
   * is made in the test phase only by `mvn package`, after the tests, so the copy's jar is a launcher
   * whose manifest names this run's class path: what runs is the code under test.
   */
  @Test
  void theRealScriptLinkedElsewherePrintsTheVersion() throws Exception {
    RealTools.require("java");
    realLauncher();
    Path link = temp.resolve("home/bin/real-labforge");
    Files.createSymbolicLink(link, checkout.resolve("bin/labforge"));
    Tools.Run run = Tools.system().run(temp.resolve("elsewhere"), Map.of(), 60, link.toString(), "--version");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).startsWith("labforge ");
  }

  /**
   * Under no locale (cron, ssh without LANG, env -i) Java reads file names as ASCII: an output
   * folder named in UTF-8 was "Malformed input" (exit 1). The script runs Java under C.UTF-8 then.
   */
  @Test
  void withoutALocaleANonAsciiOutputFolderIsWritten() throws Exception {
    RealTools.require("java", "locale");
    realLauncher();
    Path out = temp.resolve("sortie-\u00e9t\u00e9");
    String path = "PATH=" + System.getenv("PATH");
    Tools.Run run = Tools.system().run(temp.resolve("elsewhere"), Map.of(), 120, "env", "-i", path,
        checkout.resolve("bin/labforge").toString(), "gen", "-q", "-t", "inventory", "-o", out.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(out.resolve("lpic3-353/inventory/ssh_config")).isRegularFile();
  }

  /** target/labforge.jar in the temporary checkout: Main, on the class path this test runs with. */
  private void realLauncher() throws Exception {
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    java.util.jar.Attributes main = manifest.getMainAttributes();
    main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(java.util.jar.Attributes.Name.MAIN_CLASS, "dev.labforge.cli.Main");
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
    }
    main.put(java.util.jar.Attributes.Name.CLASS_PATH, classPath.toString().trim());
    Files.createDirectories(checkout.resolve("target"));
    try (var jar = new java.util.jar.JarOutputStream(
        Files.newOutputStream(checkout.resolve("target/labforge.jar")), manifest)) {
      jar.flush();
    }
  }

  private static void executable(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
