package dev.labforge.targets.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the value-decoding head of labforge_step scripts (as the evaluated Vagrantfile built them)
 * in a real shell and returns each value exactly as the guest sees it, so tests compare bytes
 * the guest would use rather than re-implementing the decoding. One bash process per batch.
 */
final class GuestShell {
  private static final Pattern B64 = Pattern.compile("^([a-z_]+)_b64=([A-Za-z0-9+/=]*)$");

  /** One step's values: {@code raw} is base64 -d of the encoded value, {@code variable} the shell variable. */
  record Values(Map<String, byte[]> raw, Map<String, byte[]> variable) {
    String text(String key) {
      return new String(raw.get(key), StandardCharsets.UTF_8);
    }
  }

  private GuestShell() {}

  /** The head (set -eu and the decoding lines) and the body (the fixed script) of an inline step. */
  record Split(String head, List<String> keys, String body) {}

  static Split split(String inline) {
    String[] lines = inline.split("\n", -1);
    assertThat(lines[0]).isEqualTo("set -eu");
    List<String> keys = new ArrayList<>();
    int i = 1;
    while (i + 1 < lines.length) {
      Matcher m = B64.matcher(lines[i]);
      if (!m.matches()) {
        break;
      }
      keys.add(m.group(1));
      i += 2;
    }
    StringBuilder head = new StringBuilder();
    for (int j = 0; j < i; j++) {
      head.append(lines[j]).append('\n');
    }
    StringBuilder body = new StringBuilder();
    for (int j = i; j < lines.length; j++) {
      body.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
    }
    return new Split(head.toString(), keys, body.toString());
  }

  static List<Values> decode(List<String> inlines, Path workDir) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("set -eu\n");
    List<Split> splits = new ArrayList<>();
    for (int s = 0; s < inlines.size(); s++) {
      Split split = split(inlines.get(s));
      splits.add(split);
      Path out = Files.createDirectories(workDir.resolve("step" + s));
      script.append("(\n").append(split.head());
      for (String key : split.keys()) {
        script.append("printf %s \"$").append(key).append("\" > '").append(out).append('/').append(key).append(".var'\n");
        script.append("printf %s \"$").append(key).append("_b64\" | base64 -d > '").append(out).append('/')
            .append(key).append(".raw'\n");
      }
      script.append(")\n");
    }
    run(script.toString(), workDir);
    List<Values> values = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      Map<String, byte[]> raw = new LinkedHashMap<>();
      Map<String, byte[]> variable = new LinkedHashMap<>();
      for (String key : splits.get(s).keys()) {
        raw.put(key, Files.readAllBytes(workDir.resolve("step" + s).resolve(key + ".raw")));
        variable.put(key, Files.readAllBytes(workDir.resolve("step" + s).resolve(key + ".var")));
      }
      values.add(new Values(raw, variable));
    }
    return values;
  }

  /** What a LABFORGE_FILE step left behind: the file's bytes, its mode and its folder's mode, in octal. */
  record Written(byte[] content, String mode, String folderMode) {}

  /**
   * Runs whole LABFORGE_FILE steps with every path moved under {@code root/<n>} and chown made a
   * no-op (the owners do not exist here). The shell copies each result to an ASCII name, so Java
   * never has to open a path in whatever encoding the JVM uses for file names.
   */
  static List<Written> runFileSteps(List<String> inlines, Path root) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("set -eu\n");
    List<Path> bases = new ArrayList<>();
    for (int s = 0; s < inlines.size(); s++) {
      Split split = split(inlines.get(s));
      Path base = Files.createDirectories(root.resolve(Integer.toString(s)));
      // umask 022 as in the root shell Vagrant runs provisioners in.
      script.append("(\numask 022\n").append(split.head())
          .append("path='").append(base).append("'\"$path\"\n")
          .append("chown() { :; }\n")
          .append(split.body()).append('\n')
          .append("cp -- \"$path\" '").append(base).append(".content'\n")
          .append("stat -c %a -- \"$path\" > '").append(base).append(".mode'\n")
          .append("stat -c %a -- \"$(dirname -- \"$path\")\" > '").append(base).append(".folder'\n)\n");
      bases.add(base);
    }
    run(script.toString(), root);
    List<Written> written = new ArrayList<>();
    for (Path base : bases) {
      written.add(new Written(Files.readAllBytes(Path.of(base + ".content")), octal(Path.of(base + ".mode")),
          octal(Path.of(base + ".folder"))));
    }
    return written;
  }

  private static String octal(Path statOutput) throws IOException {
    return String.format("%4s", Files.readString(statOutput).strip()).replace(' ', '0');
  }

  private static void run(String script, Path workDir) throws IOException, InterruptedException {
    Path file = workDir.resolve("guest.sh");
    Files.write(file, script.getBytes(StandardCharsets.UTF_8));
    Tools.Run run = Tools.system().run(workDir, Map.of(), 300, "bash", file.toString());
    assertThat(run.ok()).as("guest shell:\n%s", run.output()).isTrue();
  }
}
