package dev.labforge.targets.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.render.RenderedFile;
import dev.labforge.testing.RealTools;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libvirt files of every spec, handed to the real consumers: each network and domain XML to
 * libvirt's own RelaxNG schemas ({@code virt-xml-validate}, which needs {@code xmllint}), and
 * lab.sh and virt-install.sh to {@code bash -n} and {@code shellcheck}. Skipped when a tool is
 * missing, failed instead in CI.
 */
class LibvirtRealToolsTest {
  @TempDir
  Path work;

  @Test
  void everyXmlPassesLibvirtsOwnSchemas() throws Exception {
    RealTools.require("virt-xml-validate", "xmllint");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Path file : written(f -> f.path().endsWith(".xml"))) {
      String type = file.getParent().getFileName().toString().equals("networks") ? "network" : "domain";
      Run run = run(file.getParent(), "virt-xml-validate", file.toString(), type);
      checked++;
      if (run.exit != 0 || !run.output.contains("validates")) {
        failures.add(work.relativize(file) + ": " + run.output.strip());
      }
    }
    assertThat(checked).isGreaterThan(0);
    assertThat(failures).isEmpty();
  }

  @Test
  void theScriptsAreCleanUnderShellcheck() throws Exception {
    RealTools.require("bash", "shellcheck");
    List<Path> scripts = written(f -> f.path().endsWith(".sh") && f.path().startsWith("libvirt/"));
    assertThat(scripts).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path script : scripts) {
      Run syntax = run(script.getParent(), "bash", "-n", script.toString());
      Run lint = run(script.getParent(), "shellcheck", "-x", script.toString());
      if (syntax.exit != 0 || lint.exit != 0) {
        failures.add(work.relativize(script) + ":\n" + syntax.output + lint.output);
      }
    }
    assertThat(failures).isEmpty();
  }

  private List<Path> written(java.util.function.Predicate<RenderedFile> which) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (Path spec : Specs.all()) {
      for (RenderedFile f : Specs.render(spec)) {
        if (f.path().startsWith("libvirt/") && which.test(f)) {
          Path p = work.resolve(Specs.id(spec)).resolve(f.path());
          Files.createDirectories(p.getParent());
          Files.write(p, f.content());
          paths.add(p);
        }
      }
    }
    return paths;
  }

  private record Run(int exit, String output) {}

  private static Run run(Path dir, String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", argv) + " timed out");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
