package dev.labforge.target.terraform;

import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import dev.labforge.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDump {
  @Test
  void dump() throws Exception {
    for (Path spec : Specs.all()) {
      for (RenderedFile f : new TerraformTarget().render(Specs.lab(spec), new Templates())) {
        Path out = Path.of("/tmp/tf/dump", Specs.id(spec), f.path());
        Files.createDirectories(out.getParent());
        Files.write(out, f.content());
      }
    }
  }
}
