package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user's template is code, but it cannot reach Java: no {@code ?new}, no {@code ?api}, no methods
 * outside labforge's own values. Each attack below would create a file; an override that tries one is
 * the user's error (exit 1, naming the file, line and column) and the file is never made, under
 * {@code gen} and {@code gen --check} alike.
 */
class TemplateSandboxTest {
  private static final String NEW_EXECUTE =
      "Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons.";
  private static final String NO_API = "Can't use ?api, because the \"api_builtin_enabled\" configuration setting"
      + " is false. Think twice before you set it to true though. Especially, it shouldn't abused for modifying"
      + " Map-s and Collection-s.";
  private static final String RUNTIME = ".forName(\"java.lang.Runtime\").getRuntime().exec(\"touch MARKER\")}";

  @TempDir
  Path tmp;

  static Stream<Arguments> attacks() {
    return Stream.of(
        Arguments.of("<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch MARKER\")}",
            "2:1: this template override fails: " + NEW_EXECUTE),
        Arguments.of("<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>"
            + "${oc(\"java.lang.ProcessBuilder\", [\"touch\", \"MARKER\"]).start()}",
            "2:1: this template override fails: Instantiating freemarker.template.utility.ObjectConstructor is not"
                + " allowed in the template for security reasons."),
        Arguments.of("${\"\\\"freemarker.template.utility.Execute\\\"?new()(\\\"touch MARKER\\\")\"?eval}",
            "2:1: this template override fails: " + NEW_EXECUTE),
        Arguments.of("<#assign t = r\"<#assign e = 'freemarker.template.utility.Execute'?new()>"
            + "${e('touch MARKER')}\"?interpret>\n<@t/>",
            "3:1: this template override fails: " + NEW_EXECUTE),
        Arguments.of("<#setting new_builtin_class_resolver=\"unrestricted\">"
            + "${\"freemarker.template.utility.Execute\"?new()(\"touch MARKER\")}",
            "2:11: this template override does not parse: The setting name is recognized, but changing this"
                + " setting from inside a template isn't supported."),
        Arguments.of("${lines?api.getClass()" + RUNTIME, "2:3: this template override fails: " + NO_API),
        Arguments.of("${lines[0]?api.getClass()" + RUNTIME, "2:3: this template override fails: " + NO_API),
        Arguments.of("${lines[0].class" + RUNTIME,
            "2:3: this template override fails: The following has evaluated to null or missing: lines[0].class"),
        Arguments.of("${lines[0].getClass()" + RUNTIME,
            "2:3: this template override fails: The following has evaluated to null or missing: lines[0].getClass"),
        Arguments.of("${esc.class.classLoader.loadClass(\"java.lang.Runtime\").getRuntime().exec(\"touch MARKER\")}",
            "2:1: this template override fails: No such key: class in class dev.labforge.render.Escape"));
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void anOverrideThatReachesForJavaIsExitOneAndRunsNothing(String attack, String error) throws IOException {
    Path marker = tmp.resolve("ran");
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("inventory"));
    Path file = mine.resolve("inventory/hosts.ftl");
    Files.writeString(file, "# mine\n" + attack.replace("MARKER", marker.toString()) + "\n");
    Path out = tmp.resolve("out");

    Cli.Result gen = Cli.run("gen", "-q", "-t", "inventory", "--templates", mine.toString(), "-o", out.toString());
    assertThat(gen.err()).isEqualTo("labforge: " + file + ":" + error + "\n");
    assertThat(gen.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(marker).doesNotExist();
    assertThat(out).doesNotExist();

    Cli.Result check = Cli.run("gen", "--check", "-t", "inventory", "--templates", mine.toString(),
        "-o", out.toString());
    assertThat(check.err()).isEqualTo("labforge: " + file + ":" + error + "\n");
    assertThat(check.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aTemplateSeesLabforgesValuesAndNoJavaApiBehindThem() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("inventory"));
    Path file = mine.resolve("inventory/hosts.ftl");
    // what an override may do: a value's components, and the escapers
    Files.writeString(file, "<#list lines as l>${l.names?join(\" \")} ${esc.sh(l.names[0])}\n</#list>");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("gen", "-q", "-t", "inventory", "--templates", mine.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("lpic3-353/inventory/hosts"))).startsWith("cloud.lpic3-353.internal");

    // a Java class's name is harmless, but it is Java's API all the same: not there
    Files.writeString(file, "${lines[0].getClass().getName()}\n");
    r = Cli.run("gen", "-q", "-t", "inventory", "--templates", mine.toString(), "-o", out.toString());
    assertThat(r.err()).isEqualTo("labforge: " + file + ":1:3: this template override fails: The following has"
        + " evaluated to null or missing: lines[0].getClass\n");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
  }
}
