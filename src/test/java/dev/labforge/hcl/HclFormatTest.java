package dev.labforge.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.render.RenderedFile;
import dev.labforge.testing.Specs;
import org.junit.jupiter.api.Test;

class HclFormatTest {
  @Test
  void alignsRunsOfSingleLineAttributes() throws Exception {
    String in = "a = 1\nlonger = 2\n\nx = [\n  1,\n]\ny = { k = 1 }\nzz = \"=\"\nb {\n  c = 1\n  dd = <<EOT\nq = 1\nEOT\n}\n";
    String want = "a      = 1\nlonger = 2\n\nx = [\n  1,\n]\ny  = { k = 1 }\nzz = \"=\"\nb {\n  c  = 1\n  dd = <<EOT\nq = 1\nEOT\n}\n";
    assertThat(HclFormat.align("t.hcl", in)).isEqualTo(want);
    assertThat(HclFormat.align("t.hcl", want)).isEqualTo(want);
  }

  @Test
  void aCommentLineEndsARun() throws Exception {
    assertThat(HclFormat.align("t.hcl", "a = 1\n# note\nlonger = 2\n")).isEqualTo("a = 1\n# note\nlonger = 2\n");
  }

  @Test
  void undoingTheAlignmentOfEveryTemplateGivesItBack() throws Exception {
    int templates = 0;
    for (var spec : Specs.all()) {
      for (RenderedFile f : Specs.render(spec)) {
        if (f.path().endsWith(".pkr.hcl")) {
          String collapsed = f.text().replaceAll("(?m)^(\\s*[A-Za-z_\"][^=\\n]*?) +=(?!=)", "$1 =");
          assertThat(collapsed).as("the test undoes some alignment").isNotEqualTo(f.text());
          assertThat(HclFormat.align(f.path(), collapsed)).isEqualTo(f.text());
          templates++;
        }
      }
    }
    assertThat(templates).isPositive();
  }

  @Test
  void refusesTextThatIsNotHcl() {
    assertThatThrownBy(() -> HclFormat.align("t.hcl", "a = \"x\ny\"\n")).isInstanceOf(HclSyntaxException.class);
  }
}
