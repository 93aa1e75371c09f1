package dev.labforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import org.junit.jupiter.api.Test;

class FormatsHclTest {
  @Test
  void hclFilesParseBackToHcl2JsonShape() throws Exception {
    RenderedFile file = RenderedFile.text("packer/x.pkr.hcl", "source \"qemu\" \"x\" {\n  cpus = 2\n}\n",
        "templates/packer/image.pkr.hcl.ftl", Formats.HCL, "packer/template");
    assertThat(file.format().parse(file).toString()).isEqualTo("{\"source\":{\"qemu\":{\"x\":[{\"cpus\":2}]}}}");
  }

  @Test
  void anHclSyntaxErrorIsARenderErrorWithItsPosition() {
    RenderedFile file = RenderedFile.text("packer/x.pkr.hcl", "a = 1\nb 2\n", "templates/packer/image.pkr.hcl.ftl",
        Formats.HCL, "packer/template");
    assertThatThrownBy(() -> file.format().parse(file)).isInstanceOf(RenderException.class)
        .hasMessageContaining("templates/packer/image.pkr.hcl.ftl")
        .hasMessageContaining("packer/x.pkr.hcl:2:1: Argument or block definition required");
  }
}
