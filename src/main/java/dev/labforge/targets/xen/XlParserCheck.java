package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Xen's own parser on every xen/*.cfg: libxlutil reads the file as {@code xl create} would, and
 * every disk spec goes through xlu_disk_parse. No hypervisor is needed (see {@link XlUtil}).
 */
public final class XlParserCheck implements ToolCheck {
  @Override
  public String name() {
    return "libxlutil (xl.cfg parser)";
  }

  @Override
  public List<String> requires() {
    return List.of(XlUtil.PYTHON, XlUtil.LIBRARY);
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path dir = labDir.resolve("xen");
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cfg")).sorted().toList();
    }
    if (files.isEmpty()) {
      return problems;
    }
    JsonNode reports = XlUtil.read(tools, dir, files);
    for (JsonNode report : reports) {
      String file = "xen/" + report.path("file").asText();
      if (report.path("rc").asInt() != 0) {
        problems.add(file + ": refused by libxlutil (" + report.path("rc").asInt() + "): "
            + report.path("messages").asText().strip());
        continue;
      }
      for (JsonNode disk : report.path("disks")) {
        if (disk.path("rc").asInt() != 0) {
          problems.add(file + ": disk spec refused by xlu_disk_parse: " + disk.path("messages").asText().strip());
        }
      }
    }
    return problems;
  }
}
