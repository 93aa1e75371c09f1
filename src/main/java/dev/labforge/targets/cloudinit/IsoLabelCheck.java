package dev.labforge.targets.cloudinit;

import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * blkid must report the label cloud-init searches for (cidata, config-2): cloud-init finds its
 * seed with blkid, which takes the Joliet volume id when the primary one is its upper-case form.
 */
public final class IsoLabelCheck implements ToolCheck {
  @Override
  public String name() {
    return "blkid seed labels";
  }

  @Override
  public List<String> requires() {
    return List.of("blkid");
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path machine : SeedFolders.of(labDir)) {
      for (SeedImages image : SeedImages.of(machine)) {
        if (!Files.isRegularFile(image.iso())) {
          continue;
        }
        String label = label(tools, image.iso());
        if (!label.equals(image.label())) {
          problems.add(labDir.relativize(image.iso()) + ": blkid label is '" + label + "', expected '" + image.label() + "'");
        }
      }
    }
    return problems;
  }

  /** What {@code blkid -o value -s LABEL} prints, without the line break; blkid exits 2 on no label. */
  public static String label(Tools tools, Path iso) throws Exception {
    Tools.Run run = tools.run(iso.getParent(), Map.of(), 30, "blkid", "-o", "value", "-s", "LABEL", iso.toString());
    return run.output().strip();
  }
}
