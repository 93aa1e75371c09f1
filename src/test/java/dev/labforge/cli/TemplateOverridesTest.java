package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gen --templates / LABFORGE_TEMPLATES, and labforge templates [--copy DIR]. */
class TemplateOverridesTest {
  @TempDir
  Path tmp;

  @Test
  void templatesListsEveryBuiltInTemplate() throws IOException {
    Cli.Result r = Cli.run("templates");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    // containsAll, not equality: a build folder that was not cleaned may pack a template since removed
    assertThat(r.out().lines().toList()).containsAll(sourceTemplates()).isSorted().doesNotHaveDuplicates();
    assertThat(r.out()).contains("cloud-init/user-data.ftl\n", "inventory/hosts.ftl\n", "libvirt/lab.sh.body\n");
  }

  @Test
  void copyWritesEveryTemplateByteForByteAndRefusesToOverwrite() throws IOException {
    Path dir = tmp.resolve("mine");
    Cli.Result r = Cli.run("templates", "--copy", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> names = sourceTemplates();
    assertThat(r.out().lines().toList()).containsAll(names.stream().map(n -> dir.resolve(n).toString()).toList());
    assertThat(r.err()).isEqualTo("Keep the templates you change, delete the rest, then: labforge gen SPEC --templates "
        + dir + "\n");
    for (String name : names) {
      assertThat(dir.resolve(name)).hasSameBinaryContentAs(Path.of("templates", name));
    }
    Cli.Result again = Cli.run("templates", "--copy", dir.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(again.err()).isEqualTo("labforge: " + Path.of(r.out().lines().findFirst().orElseThrow())
        + " already exists; copy into an empty folder\n");
  }

  @Test
  void anOverrideReplacesItsTemplateOnlyAndACopyOfAllChangesNothing() throws IOException {
    Path plain = tmp.resolve("plain");
    assertThat(Cli.run("gen", "-q", "-o", plain.toString()).code()).isZero();
    Path all = tmp.resolve("all");
    assertThat(Cli.run("templates", "--copy", all.toString()).code()).isZero();
    Path same = tmp.resolve("same");
    Cli.Result copied = Cli.run("gen", "-q", "--templates", all.toString(), "-o", same.toString());
    assertThat(copied.code()).as(copied.err()).isZero();
    assertThat(Cli.run("gen", "--check", "-o", same.toString()).code()).as("unchanged copies, same tree").isZero();

    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("inventory"));
    Files.writeString(mine.resolve("inventory/hosts.ftl"),
        "# my hosts for ${lab}\n<#list lines as l><#if l.ip??>${l.ip} ${l.names?join(\" \")}\n</#if></#list>");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("gen", "-q", "--templates", mine.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("lpic3-353/inventory/hosts")).hasContent("# my hosts for lpic3-353\n"
        + "192.168.56.10 cloud.lpic3-353.internal cloud cloud-lab\n"
        + "192.168.56.11 packer.lpic3-353.internal packer packer-lab\n"
        + "192.168.56.12 cloudinit.lpic3-353.internal cloudinit cloudinit-lab\n");
    Cli.Result check = Cli.run("gen", "--check", "-o", out.toString());
    assertThat(check.err()).isEqualTo(out.resolve("lpic3-353/inventory/hosts") + ": changed\n"
        + out.resolve("lpic3-353/manifest.json") + ": changed\n"
        + "2 files out of date; run labforge gen to update " + out.resolve("lpic3-353") + "\n");
  }

  @Test
  void theEnvironmentNamesTheFolderAndTheOptionWins() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("inventory"));
    Files.writeString(mine.resolve("inventory/hosts.ftl"), "# from the environment\n");
    Path out = tmp.resolve("out");
    Result r = run(Map.of("LABFORGE_TEMPLATES", mine.toString()), "gen", "-q", "-t", "inventory", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("lpic3-353/inventory/hosts")).hasContent("# from the environment\n");

    Path other = tmp.resolve("other");
    Files.createDirectories(other.resolve("inventory"));
    Files.writeString(other.resolve("inventory/hosts.ftl"), "# from the option\n");
    r = run(Map.of("LABFORGE_TEMPLATES", mine.toString()), "gen", "-q", "-t", "inventory", "--templates",
        other.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("lpic3-353/inventory/hosts")).hasContent("# from the option\n");
  }

  @Test
  void anOverrideWhoseOutputFailsItsSchemaIsExitOneNamingTheFile() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("cloud-init"));
    String builtIn = Files.readString(Path.of("templates/cloud-init/user-data.ftl"));
    assertThat(builtIn).contains("\nusers:\n");
    Path file = mine.resolve("cloud-init/user-data.ftl");
    Files.writeString(file, builtIn.replace("\nusers:\n", "\nuserz:\n"));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("gen", "-q", "--templates", mine.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("labforge: " + file + ": this template override breaks the output:"
        + " cloud-init/cloud/config-drive/openstack/latest/user_data fails schemas/cloud-init/user-data.schema.json"
        + " at /userz: unknown key 'userz'; did you mean 'users'?\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void anOverrideThatDoesNotParseOrFailsIsExitOneWithItsLineAndColumn() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("inventory"));
    Path file = mine.resolve("inventory/ssh_config.ftl");
    Files.writeString(file, "# mine\n<#if>\n");
    Cli.Result r = Cli.run("gen", "-q", "--templates", mine.toString(), "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo("labforge: " + file + ":2:2: this template override does not parse: #if is an"
        + " existing directive, but the tag is malformed.  (See FreeMarker Manual / Directive Reference.)\n");

    Files.writeString(file, "# mine\n${nosuch.value}\n");
    r = Cli.run("gen", "-q", "--templates", mine.toString(), "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo("labforge: " + file + ":2:3: this template override fails: The following has"
        + " evaluated to null or missing: nosuch\n");
  }

  @Test
  void aFileThatNamesNoTemplateAndAMissingFolderAreExitOne() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("cloud-init"));
    Files.writeString(mine.resolve("cloud-init/user-data.ft"), "x");
    Cli.Result r = Cli.run("gen", "-q", "--templates", mine.toString(), "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo("labforge: " + mine.resolve("cloud-init/user-data.ft") + ": no built-in template is"
        + " named cloud-init/user-data.ft; did you mean 'cloud-init/user-data.ftl'? (labforge templates lists them)\n");

    r = Cli.run("gen", "-q", "--templates", tmp.resolve("nope").toString(), "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo("labforge: template overrides " + tmp.resolve("nope") + ": no such folder\n");
  }

  record Result(int code, String out, String err) {}

  private static Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(env, false, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static List<String> sourceTemplates() throws IOException {
    Path root = Path.of("templates");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }
}
