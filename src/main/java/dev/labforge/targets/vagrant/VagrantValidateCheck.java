package dev.labforge.targets.vagrant;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code vagrant validate -p} in {@code vagrant/}. {@code -p} skips provider blocks: without it,
 * validate fails on any host lacking libvirt, VirtualBox or the VMware plugin. VAGRANT_HOME is a
 * throw-away folder so the check neither reads nor writes the user's boxes and plugins.
 */
public final class VagrantValidateCheck implements ToolCheck {

  @Override
  public String name() {
    return "vagrant validate -p";
  }

  @Override
  public List<String> requires() {
    return List.of("vagrant");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path dir = labDir.resolve("vagrant");
    if (!Files.isRegularFile(dir.resolve("Vagrantfile"))) {
      return problems;
    }
    Path home = Files.createTempDirectory("labforge-vagrant-home-");
    try {
      // VAGRANT_DOTFILE_PATH: vagrant would otherwise leave a .vagrant/ folder in the checked tree
      Tools.Run run = tools.run(dir, Map.of("VAGRANT_HOME", home.toString(), "VAGRANT_CHECKPOINT_DISABLE", "1",
              "VAGRANT_DOTFILE_PATH", home.resolve("dotfile").toString()),
          120, "vagrant", "validate", "-p");
      if (!run.ok()) {
        problems.add("vagrant/Vagrantfile: vagrant validate -p exited " + run.exitCode() + ":\n" + run.output().strip());
      }
    } finally {
      Tools.deleteTree(home);
    }
    return problems;
  }

}
