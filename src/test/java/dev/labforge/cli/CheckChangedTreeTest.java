package dev.labforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labforge check} runs no tool on a file that is not as labforge wrote it: the tools read what
 * they are given ({@code Match exec} in ssh_config runs under {@code ssh -G}, a Vagrantfile is Ruby
 * that {@code vagrant validate} runs, Ansible reads an {@code ansible.cfg} from its working folder),
 * so a changed file fails its target's checks unrun, a file the manifest does not list is never seen,
 * and every other check still runs and reports.
 */
class CheckChangedTreeTest {
  @TempDir
  Path tmp;

  @Test
  void aChangedFileRunsNoToolAndAnUnlistedFileIsNeverRead() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-q", "-t", "inventory,vagrant", "-o", out.toString()).code()).isZero();
    Path lab = out.resolve("lpic3-353").toAbsolutePath();
    Path byVagrant = tmp.resolve("ran-by-vagrant");
    Path byAnsible = tmp.resolve("written-by-ansible");
    Path vagrantfile = lab.resolve("vagrant/Vagrantfile");
    Files.writeString(vagrantfile, "File.write(\"" + byVagrant + "\", \"\")\n" + Files.readString(vagrantfile));
    Files.writeString(lab.resolve("inventory/ansible.cfg"), "[defaults]\nlog_path = " + byAnsible + "\n");

    Cli.Result r = Cli.run("check", lab.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID);
    String refused = " has other bytes than labforge wrote (its sha256 differs from manifest.json); a tool can run"
        + " what it reads, so check runs none on a file labforge did not write\n";
    assertThat(r.err()).isEqualTo(
        lab + ": manifest sha256: vagrant/Vagrantfile: changed since labforge wrote it (sha256 differs)\n"
        + lab + ": ruby -c: not run: vagrant/Vagrantfile" + refused
        + lab + ": vagrant validate -p: not run: vagrant/Vagrantfile" + refused);
    // the inventory's checks ran, on its files only: Ansible never saw the user's ansible.cfg
    assertThat(r.out()).contains("ok   ssh -G: " + lab + "\n", "ok   ansible-inventory: " + lab + "\n",
        "FAIL manifest sha256: " + lab + "\n", "FAIL ruby -c: " + lab + "\n", "FAIL vagrant validate -p: " + lab + "\n");
    assertThat(byVagrant).doesNotExist();
    assertThat(byAnsible).doesNotExist();
  }

  @Test
  void matchExecInAChangedSshConfigNeverRuns() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-q", "-t", "inventory", "-o", out.toString()).code()).isZero();
    Path lab = out.resolve("lpic3-353").toAbsolutePath();
    Path marker = tmp.resolve("ran-by-ssh");
    Files.writeString(lab.resolve("inventory/ssh_config"), "Match exec \"touch " + marker + "\"\n",
        StandardOpenOption.APPEND);

    Cli.Result r = Cli.run("check", lab.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).startsWith(lab + ": manifest sha256: inventory/ssh_config: changed since labforge wrote it"
        + " (sha256 differs)\n" + lab + ": ssh -G: not run: inventory/ssh_config has other bytes than labforge wrote");
    assertThat(r.out()).contains("FAIL ssh -G: " + lab + "\n").doesNotContain("ok   ssh -G");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aListedFileReplacedByALinkOrReachedThroughOneRunsNoTool() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Cli.run("gen", "-q", "-t", "inventory,vagrant", "-o", out.toString()).code()).isZero();
    Path lab = out.resolve("lpic3-353").toAbsolutePath();
    Path marker = tmp.resolve("ran-by-ssh");
    // the same bytes elsewhere, so that only the link is wrong: ssh_config's copy gains a Match exec
    Path elsewhere = tmp.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Files.copy(lab.resolve("inventory/ssh_config"), elsewhere.resolve("ssh_config"));
    Files.writeString(elsewhere.resolve("ssh_config"), "Match exec \"touch " + marker + "\"\n",
        StandardOpenOption.APPEND);
    Files.delete(lab.resolve("inventory/ssh_config"));
    Files.createSymbolicLink(lab.resolve("inventory/ssh_config"), elsewhere.resolve("ssh_config"));
    Path vagrant = tmp.resolve("vagrant-elsewhere");
    Files.move(lab.resolve("vagrant"), vagrant);
    Files.createSymbolicLink(lab.resolve("vagrant"), vagrant);

    Cli.Result r = Cli.run("check", lab.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID);
    String why = "; a tool can run what it reads, so check runs none on a file labforge did not write\n";
    assertThat(r.err()).contains(
        lab + ": ssh -G: not run: inventory/ssh_config is a symbolic link or not a regular file" + why,
        lab + ": ruby -c: not run: vagrant/Vagrantfile is reached through a symbolic link" + why);
    assertThat(r.out()).contains("FAIL ssh -G: " + lab + "\n", "FAIL ruby -c: " + lab + "\n");
    assertThat(marker).doesNotExist();
  }
}
