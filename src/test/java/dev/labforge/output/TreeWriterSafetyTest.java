package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer does to a tree the user works in: a second run while one is writing, a user
 * file where labforge needs a folder, {@code -t} replacing only the named targets' files.
 */
class TreeWriterSafetyTest {
  @TempDir
  Path tmp;

  @AfterEach
  void resetHook() {
    TreeWriter.steps = step -> {};
  }

  @Test
  void aSecondGenWhileOneHoldsTheLockExits1AndTheFirstFinishes() throws IOException {
    Path out = tmp.resolve("out");
    AtomicReference<Cli.Result> second = new AtomicReference<>();
    TreeWriter.steps = step -> {
      if (step.equals("locked") && second.get() == null) {
        second.set(new Cli.Result(-1, "", ""));
        second.set(Cli.run("gen", "-o", out.toString()));
      }
    };
    Cli.Result first = Cli.run("gen", "-o", out.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.get().code()).isEqualTo(1);
    assertThat(second.get().err()).contains("another labforge run is writing " + out.toAbsolutePath().resolve("lpic3-353"))
        .contains(".lpic3-353.lock").doesNotContain("Exception");
    assertThat(out.resolve("lpic3-353/manifest.json")).isRegularFile();
  }

  @Test
  void aUserFileWhereLabforgeWritesAFolderStopsGenWithExit1AndStays() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-o", out.toString(), "-t", "vagrant").code()).isZero();
    Path userFile = out.resolve("lpic3-353/packer");
    Files.writeString(userFile, "my notes");
    Cli.Result r = Cli.run("gen", "-o", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(userFile.toAbsolutePath() + " (labforge writes a folder there)").doesNotContain("Exception");
    assertThat(userFile).hasContent("my notes");
  }

  @Test
  void aUserFileWhereLabforgeWritesItsOwnFileWithOtherBytesStopsGen() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-o", out.toString(), "-t", "vagrant").code()).isZero();
    Path userFile = out.resolve("lpic3-353/terraform/openstack/main.tf");
    Files.createDirectories(userFile.getParent());
    Files.writeString(userFile, "# mine");
    Cli.Result r = Cli.run("gen", "-o", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(userFile.toAbsolutePath() + " (labforge writes its own file there)");
    assertThat(userFile).hasContent("# mine");
  }

  @Test
  void genWithOneTargetReplacesOnlyItsFilesAndKeepsTheManifestWhole() throws IOException {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("lpic3-353");
    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    List<String> all = Manifest.paths(Files.readAllBytes(lab.resolve(Manifest.PATH))).stream().sorted().toList();
    Path state = lab.resolve("terraform/openstack/terraform.tfstate");
    Files.writeString(state, "{\"serial\": 7}");
    Path vagrantfile = lab.resolve("vagrant/Vagrantfile");
    Files.writeString(vagrantfile, "stale");

    Cli.Result r = Cli.run("gen", "-o", out.toString(), "-t", "vagrant");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(vagrantfile).content().isNotEqualTo("stale");
    assertThat(state).hasContent("{\"serial\": 7}");
    assertThat(Manifest.paths(Files.readAllBytes(lab.resolve(Manifest.PATH))).stream().sorted().toList())
        .isEqualTo(all);
    for (String path : all) {
      assertThat(lab.resolve(path)).as(path).isRegularFile();
    }
    Cli.Result check = Cli.run("gen", "--check", "-o", out.toString());
    assertThat(check.code()).as(check.err()).isZero();
  }

  @Test
  void checkWithOneTargetComparesOnlyThatTarget() throws IOException {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("lpic3-353");
    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    Files.writeString(lab.resolve("vagrant/Vagrantfile"), "edited");
    assertThat(Cli.run("gen", "--check", "-t", "packer", "-o", out.toString()).code()).isZero();
    Cli.Result vagrant = Cli.run("gen", "--check", "-t", "vagrant", "-o", out.toString());
    assertThat(vagrant.code()).isEqualTo(1);
    assertThat(vagrant.err()).contains("vagrant/Vagrantfile: changed").doesNotContain("packer/");
  }

  @Test
  void strandedFoldersOfAKilledRunAreRemovedWithoutLosingAUserFile() throws IOException {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("lpic3-353");
    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    // a .new-* of a killed run: its own files, one user file the tree also has, one it lacks
    Path stale = Files.createDirectories(out.resolve(".lpic3-353.new-123"));
    Files.copy(lab.resolve(Manifest.PATH), stale.resolve(Manifest.PATH));
    Files.createDirectories(stale.resolve("vagrant"));
    Files.writeString(stale.resolve("vagrant/Vagrantfile"), "half written");
    Files.createDirectories(stale.resolve("terraform/openstack"));
    Files.writeString(stale.resolve("terraform/openstack/terraform.tfstate"), "only copy");
    Cli.Result r = Cli.run("gen", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("moved your file terraform/openstack/terraform.tfstate");
    assertThat(lab.resolve("terraform/openstack/terraform.tfstate")).hasContent("only copy");
    assertThat(stale).doesNotExist();
  }

  @Test
  void aStrandedFolderHoldingAUserFileThatDiffersIsKeptAndNamed() throws IOException {
    Path out = tmp.resolve("out");
    Path lab = out.resolve("lpic3-353");
    assertThat(Cli.run("gen", "-o", out.toString()).code()).isZero();
    Files.writeString(lab.resolve("notes.txt"), "new");
    Path stale = Files.createDirectories(out.resolve(".lpic3-353.old-99"));
    Files.writeString(stale.resolve("notes.txt"), "old");
    Cli.Result r = Cli.run("gen", "-o", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("kept " + stale.toAbsolutePath()).contains("notes.txt");
    assertThat(stale.resolve("notes.txt")).hasContent("old");
    assertThat(lab.resolve("notes.txt")).hasContent("new");
  }

  static List<String> strandedIn(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".new-") || n.contains(".old-")).toList();
    }
  }
}
