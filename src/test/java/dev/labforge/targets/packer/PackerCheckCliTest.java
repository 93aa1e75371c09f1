package dev.labforge.targets.packer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Main;
import dev.labforge.testing.RealTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labforge gen} then {@code labforge check}: the packer lines a user sees. */
class PackerCheckCliTest {
  @Test
  void checkReportsBothPackerChecks(@TempDir Path out) {
    RealTools.require("packer");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int gen = Main.run(new PrintWriter(o), new PrintWriter(e), "gen", "examples/lpic3-351.yaml", "-o", out.toString());
    assertThat(gen).as(e.toString()).isZero();
    o.getBuffer().setLength(0);
    int check = Main.run(new PrintWriter(o), new PrintWriter(e), "check", out.toString());
    assertThat(check).as(o + "\n" + e).isZero();
    assertThat(o.toString()).contains("ok   packer fmt -check: ").contains("ok   packer validate");
  }
}
