package dev.labforge.targets.packer;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.Escape;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.Tools;
import dev.labforge.testing.RealTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password_hash reaches kickstart and preseed intact, whatever it holds: kickstart's reader
 * (shlex.split with comments, as pykickstart calls it) gets the hash back as one word, and the
 * preseed line carries it as its whole value.
 */
class InstallerAnswersEscapeTest {
  static final String HASH = "$6$s\"a#l'" + "t$h%a=s,h/.";
  static final Path SPECS = Path.of("src/test/resources/specs");

  private static List<RenderedFile> render() throws Exception {
    String yaml = Files.readString(SPECS.resolve("packer-installers.yaml"))
        .replace("      password: \"s3cret \\\"quoted\\\" ${x}\"", "      password_hash: '" + HASH.replace("'", "''") + "'");
    assertThat(yaml).contains("password_hash");
    Lab lab = Rendered.load(new SpecInput("hash.yaml", yaml.getBytes(StandardCharsets.UTF_8), SPECS.toAbsolutePath()));
    return Rendered.of(new PackerTarget(), lab, new TemplateRenderer());
  }

  @Test
  void kickstartReadsTheHashBackAsOneWord(@TempDir Path dir) throws Exception {
    RealTools.require("python3");
    RenderedFile ks = render().stream().filter(f -> f.path().endsWith("/ks.cfg")).findFirst().orElseThrow();
    String line = ks.text().lines().filter(l -> l.startsWith("user ")).findFirst().orElseThrow();
    Path file = dir.resolve("line");
    Files.writeString(file, line);
    Tools.Run run = Tools.system().run(dir, Map.of(), 30, "python3", "-c",
        "import json, shlex, sys; print(json.dumps(shlex.split(open(sys.argv[1]).read(), comments=True)))",
        file.toString());
    assertThat(run.ok()).as(run.output()).isTrue();
    List<String> words = List.of(new ObjectMapper().readValue(run.output(), String[].class));
    assertThat(words).contains("--password=" + HASH, "--iscrypted");
  }

  @Test
  void preseedCarriesTheHashAsTheWholeValue() throws Exception {
    RenderedFile preseed = render().stream().filter(f -> f.path().endsWith("/preseed.cfg")).findFirst().orElseThrow();
    assertThat(preseed.text().lines()).contains("d-i passwd/user-password-crypted password " + HASH);
  }

  @Test
  void theEscapersKeepPlainWordsAndRefuseWhatCannotBeWritten() {
    assertThat(Escape.kickstart("$6$abc$def/.")).isEqualTo("$6$abc$def/.");
    assertThat(Escape.kickstart("a#b")).isEqualTo("'a#b'");
    assertThat(Escape.kickstart("it's")).isEqualTo("'it'\\''s'");
    assertThatThrownBy(() -> Escape.kickstart("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Escape.preseed("$6$a\"b#c")).isEqualTo("$6$a\"b#c");
    assertThatThrownBy(() -> Escape.preseed("a\\")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Escape.preseed("a\nb")).isInstanceOf(IllegalArgumentException.class);
  }
}
