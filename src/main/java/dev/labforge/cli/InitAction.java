package dev.labforge.cli;

import dev.labforge.SpecInput;
import dev.labforge.spec.SpecFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code labforge init}: copies an example spec, and the scripts it names, into a folder. */
final class InitAction {
  private static final Pattern SCRIPT_PATH = Pattern.compile("path: *(scripts/[A-Za-z0-9._/-]+)");
  private final PrintWriter out;
  private final PrintWriter err;

  InitAction(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String example, Path dir, boolean force) {
    if (!SpecInput.EXAMPLES.contains(example)) {
      err.println("labforge: no example named '" + example + "'; choose one of "
          + String.join(", ", SpecInput.EXAMPLES));
      return ExitCodes.USAGE;
    }
    try {
      SpecInput spec = SpecInput.example(example);
      List<String> files = new ArrayList<>();
      files.add(example + ".yaml");
      Matcher m = SCRIPT_PATH.matcher(new String(spec.bytes(), java.nio.charset.StandardCharsets.UTF_8));
      while (m.find()) {
        if (!files.contains(m.group(1))) {
          files.add(m.group(1));
        }
      }
      for (String file : files) {
        if (!force && Files.exists(dir.resolve(file))) {
          err.println("labforge: " + dir.resolve(file) + " already exists; use --force to overwrite it");
          return ExitCodes.INVALID;
        }
      }
      for (String file : files) {
        Path target = dir.resolve(file);
        Files.createDirectories(target.toAbsolutePath().getParent());
        byte[] content = resource(file);
        if (file.equals(example + ".yaml")) {
          content = SpecHeader.of(example, target, content);
        }
        Files.write(target, content);
        out.println(target);
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("labforge: cannot write into " + dir + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  private static byte[] resource(String file) throws IOException {
    if (!SpecFiles.pathProblem(file).isEmpty()) {
      throw new IOException("bad example path " + file);
    }
    try (InputStream in = InitAction.class.getClassLoader().getResourceAsStream("examples/" + file)) {
      if (in == null) {
        throw new IOException("example file missing from the jar: " + file);
      }
      return in.readAllBytes();
    }
  }
}
