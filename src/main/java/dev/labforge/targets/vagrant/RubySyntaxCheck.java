package dev.labforge.targets.vagrant;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ruby -c vagrant/Vagrantfile}: the file is Ruby before it is a Vagrantfile. */
public final class RubySyntaxCheck implements ToolCheck {

  @Override
  public String name() {
    return "ruby -c";
  }

  @Override
  public List<String> requires() {
    return List.of("ruby");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path file = labDir.resolve("vagrant/Vagrantfile");
    if (Files.isRegularFile(file)) {
      RubySyntax.problem(tools, file).ifPresent(p -> problems.add("vagrant/Vagrantfile: " + p));
    }
    return problems;
  }
}
