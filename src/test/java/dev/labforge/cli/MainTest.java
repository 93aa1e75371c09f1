package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.output.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path tmp;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("validate", "gen", "init", "schema", "check", "completion")
        .contains("Exit codes: 0 ok, 1 invalid spec or tree, 2 usage error, 3 internal error,", "4 check found none of the tools it runs.");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noCommandIsAUsageErrorWithHelpOnStderr() {
    Cli.Result r = Cli.run();
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("labforge: missing command\nUsage: labforge ");
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("labforge " + Version.get() + "\n");
    assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = Cli.run("gen", "--frobnicate");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("labforge: Unknown option: '--frobnicate'\nUsage: labforge gen");
  }

  @Test
  void unknownTargetIsAUsageErrorAndWritesNothing() {
    Cli.Result r = Cli.run("gen", "-t", "ansible", "-o", tmp.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("labforge: unknown target 'ansible'; known: ");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void validateWithoutSpecChecksTheBuiltInExample() {
    Cli.Result r = Cli.run("validate");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("lpic3-353.yaml: ok: lab 'lpic3-353', 3 machines, 1 network, 1 image\n");
  }

  @Test
  void missingSpecFileIsAClearError() {
    Cli.Result r = Cli.run("validate", tmp.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo("labforge: " + tmp.resolve("nope.yaml") + ": no such file\n");
  }

  @Test
  void genWritesTheBuiltInExampleAndListsEveryFile() throws IOException {
    Cli.Result r = Cli.run("gen", "-o", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path lab = tmp.resolve("lpic3-353");
    List<String> listed = r.out().lines().toList();
    assertThat(listed).contains(lab.resolve("manifest.json").toString());
    for (String file : listed) {
      assertThat(Path.of(file)).isRegularFile();
      assertThat(Path.of(file).startsWith(lab)).isTrue();
    }
    assertThat(Cli.run("check", lab.toString()).code()).isZero();
  }

  @Test
  void genIsByteIdenticalAcrossRunsAndCheckSeesNoDifference() throws IOException {
    assertThat(Cli.run("gen", "-o", tmp.toString()).code()).isZero();
    byte[] first = Files.readAllBytes(tmp.resolve("lpic3-353/manifest.json"));
    Cli.Result check = Cli.run("gen", "--check", "-o", tmp.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).startsWith(tmp.resolve("lpic3-353") + ": up to date (");
    assertThat(Cli.run("gen", "-o", tmp.toString()).code()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("lpic3-353/manifest.json"))).isEqualTo(first);
  }

  @Test
  void genCheckReportsChangedAndMissingFilesAndWritesNothing() throws IOException {
    Path spec = copyExample("lpic3-353");
    assertThat(Cli.run("gen", spec.toString(), "-o", tmp.resolve("out").toString()).code()).isZero();
    Path lab = tmp.resolve("out/lpic3-353");
    Files.writeString(lab.resolve("manifest.json"), "tampered");
    Cli.Result r = Cli.run("gen", spec.toString(), "--check", "-o", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).isEqualTo(lab.resolve("manifest.json") + ": changed\n"
        + "1 file out of date; run labforge gen to update " + lab + "\n");
    assertThat(Files.readString(lab.resolve("manifest.json"))).isEqualTo("tampered");
  }

  @Test
  void aFailedRunLeavesThePreviousTreeIntactAndUserFilesSurviveRegeneration() throws IOException {
    Path spec = copyExample("lpic3-353");
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", spec.toString(), "-o", out.toString()).code()).isZero();
    Path lab = out.resolve("lpic3-353");
    byte[] manifest = Files.readAllBytes(lab.resolve("manifest.json"));
    Files.createDirectories(lab.resolve("terraform/openstack"));
    Files.writeString(lab.resolve("terraform/openstack/terraform.tfstate"), "{\"user\": \"state\"}");

    String broken = Files.readString(spec).replace("memory: 8GiB", "memory: 8GB");
    Files.writeString(spec, broken);
    assertThat(Cli.run("gen", spec.toString(), "-o", out.toString()).code()).isEqualTo(ExitCodes.INVALID);
    assertThat(Files.readAllBytes(lab.resolve("manifest.json"))).isEqualTo(manifest);

    Files.writeString(spec, broken.replace("memory: 8GB", "memory: 6GiB"));
    assertThat(Cli.run("gen", spec.toString(), "-o", out.toString()).code()).isZero();
    assertThat(Files.readAllBytes(lab.resolve("manifest.json"))).isNotEqualTo(manifest);
    assertThat(lab.resolve("terraform/openstack/terraform.tfstate")).hasContent("{\"user\": \"state\"}");
    try (var siblings = Files.list(out)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(".lpic3-353.lock", "lpic3-353");
    }
  }

  @Test
  void initWritesTheExampleAndItsScriptsAndRefusesToOverwrite() throws IOException {
    Cli.Result r = Cli.run("init", "--example", "lpic3-353", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String example = Files.readString(Path.of("examples/lpic3-353.yaml"));
    String copy = tmp.resolve("lpic3-353.yaml").toString();
    assertThat(tmp.resolve("lpic3-353.yaml")).hasContent(String.join("\n",
        "# LPIC-3 305, topic 353: cloud management.",
        "# A cloud host (OpenStack all-in-one or libvirt), a Packer build host and a cloud-init test host.",
        "# Your copy of labforge's example lpic3-353, written by labforge init:",
        "#   labforge validate " + copy,
        "#   labforge show " + copy,
        "#   labforge gen " + copy + " -o out",
        example.substring(example.indexOf("version: 1"))));
    assertThat(tmp.resolve("scripts/storage.sh")).hasSameTextualContentAs(Path.of("examples/scripts/storage.sh"));
    assertThat(Cli.run("validate", tmp.resolve("lpic3-353.yaml").toString()).code()).isZero();

    Cli.Result again = Cli.run("init", "--example", "lpic3-353", tmp.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(again.err()).isEqualTo("labforge: " + tmp.resolve("lpic3-353.yaml")
        + " already exists; use --force to overwrite it\n");
    assertThat(Cli.run("init", "--force", "--example", "lpic3-353", tmp.toString()).code()).isZero();
  }

  @Test
  void initRejectsAnUnknownExample() {
    Cli.Result r = Cli.run("init", "--example", "lpic3-999", tmp.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("labforge: no example named 'lpic3-999'; choose one of lpic3-351, lpic3-352, lpic3-353, router\n");
  }

  @Test
  void schemaLabPrintsTheSpecSchema() throws IOException {
    Cli.Result r = Cli.run("schema", "lab");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(Path.of("schemas/lab-spec.schema.json")));
    assertThat(Cli.run("schema").out()).isEqualTo(r.out());
  }

  @Test
  void schemaOfAnUnknownNameIsAUsageErrorListingTheKnownOnes() {
    Cli.Result r = Cli.run("schema", "../pom");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("labforge: no schema named '../pom'; known: ")
        .contains(" lab, ").contains(" manifest, ").contains("cloud-init/user-data");
  }

  @Test
  void checkOnAFolderWithoutAManifestIsAnError() {
    Cli.Result r = Cli.run("check", tmp.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("no manifest.json here or one level down");
  }

  @Test
  void checkFindsAFileChangedAfterGeneration() throws IOException {
    assertThat(Cli.run("gen", "-o", tmp.toString()).code()).isZero();
    Path lab = tmp.resolve("lpic3-353");
    Files.writeString(lab.resolve("cloud-init/cloud/meta-data"), "changed", StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("check", tmp.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).contains("FAIL manifest sha256: " + lab);
    assertThat(r.err()).contains(lab + ": manifest sha256: cloud-init/cloud/meta-data: changed since labforge wrote it (sha256 differs)");
  }

  @Test
  void completionScriptIsForLabforge() {
    Cli.Result r = Cli.run("completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("complete -F _complete_labforge").contains("validate").contains("gen");
  }

  private Path copyExample(String name) throws IOException {
    Path dir = tmp.resolve("spec");
    Files.createDirectories(dir.resolve("scripts"));
    Files.copy(Path.of("examples/scripts/storage.sh"), dir.resolve("scripts/storage.sh"));
    return Files.copy(Path.of("examples/" + name + ".yaml"), dir.resolve(name + ".yaml"));
  }
}
