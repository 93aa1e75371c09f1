package dev.labforge.targets.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the packed seedcheck.py with /usr/bin/python3: Debian's cloud-init lives in that Python,
 * not in whatever python3 comes first on PATH (pyenv's, on these machines).
 */
public final class SeedCheckScript {
  public static final String PYTHON = "/usr/bin/python3";
  static final String RESOURCE = "labforge/cloud-init/seedcheck.py";
  private static final String MARK = "LABFORGE-JSON ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedCheckScript() {}

  /** Runs {@code seedcheck.py args...} and returns its JSON answer. */
  public static JsonNode run(Tools tools, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("labforge-seedcheck");
    try {
      Path script = dir.resolve("seedcheck.py");
      try (InputStream in = SeedCheckScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException(RESOURCE + " is not packed in the jar");
        }
        Files.write(script, in.readAllBytes());
      }
      List<String> argv = new ArrayList<>(List.of(PYTHON, "-I", script.toString()));
      argv.addAll(List.of(args));
      Tools.Run run = tools.run(dir, Map.of("LC_ALL", "C.UTF-8"), timeoutSeconds, argv.toArray(String[]::new));
      for (String line : run.output().split("\n")) {
        if (line.startsWith(MARK)) {
          return JSON.readTree(line.substring(MARK.length()));
        }
      }
      throw new IOException("seedcheck.py gave no answer (exit " + run.exitCode() + "): " + run.output().strip());
    } finally {
      Tools.deleteTree(dir);
    }
  }

  /** Whether /usr/bin/python3 can import cloudinit; null if yes, else why not. */
  public static String moduleProblem(Tools tools) throws IOException, InterruptedException {
    Tools.Run run = tools.run(Path.of("/"), Map.of(), 60, PYTHON, "-I", "-c", "import cloudinit, yaml");
    return run.ok() ? null : PYTHON + " cannot import the cloudinit module (apt-get install cloud-init): "
        + run.output().strip();
  }
}
