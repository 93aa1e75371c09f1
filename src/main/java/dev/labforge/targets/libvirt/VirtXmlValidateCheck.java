package dev.labforge.targets.libvirt;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code virt-xml-validate FILE network|domain} on every libvirt XML: libvirt's own RelaxNG
 * schemas (/usr/share/libvirt/schemas). It needs xmllint; about 0.1 s per file.
 */
final class VirtXmlValidateCheck implements ToolCheck {
  @Override
  public String name() {
    return "virt-xml-validate";
  }

  @Override
  public List<String> requires() {
    return List.of("virt-xml-validate", "xmllint");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    for (String kind : List.of("network", "domain")) {
      Path dir = labDir.resolve(LibvirtTarget.DIR + kind + "s");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
      }
      for (Path file : files) {
        Tools.Run run = tools.run(dir, Map.of(), 60, "virt-xml-validate", file.toString(), kind);
        if (!run.ok() || !run.output().contains("validates")) {
          problems.add(labDir.relativize(file) + ": virt-xml-validate: " + run.output().strip());
        }
      }
    }
    return problems;
  }
}
