package dev.labforge.targets.xen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.targets.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Xen's own xl.cfg parser without Xen: the packed xlcfg.py loads libxlutil.so.4.17 (the library
 * {@code xl} links, from Debian's xen-utils-4.17) with ctypes in /usr/bin/python3 and reports what
 * it read (python3 is looked up on PATH like every other tool): every key's value, xl's integer reading, and each disk spec through xlu_disk_parse.
 */
public final class XlUtil {
  public static final String PYTHON = "python3";
  public static final String LIBRARY = "/usr/lib/x86_64-linux-gnu/libxlutil.so.4.17";
  static final String RESOURCE = "labforge/xen/xlcfg.py";
  private static final String MARK = "LABFORGE-JSON ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private XlUtil() {}

  /** Null when Xen's parser can be loaded here, else why not. */
  public static String problem() {
    if (!Tools.system().has(PYTHON)) {
      return PYTHON + " is not on PATH";
    }
    return Files.exists(Path.of(LIBRARY)) ? null : LIBRARY + " is missing (apt-get install xen-utils-4.17)";
  }

  /** {@code xlcfg.py read FILE...}, run in {@code dir}: one report per file, in order. */
  public static JsonNode read(Tools tools, Path dir, List<String> files) throws IOException, InterruptedException {
    return run(tools, dir, "read", files);
  }

  /** {@code xlcfg.py disk SPEC...}: one xlu_disk_parse report per spec string. */
  public static JsonNode disks(Tools tools, List<String> specs) throws IOException, InterruptedException {
    return run(tools, Path.of("/"), "disk", specs);
  }

  private static JsonNode run(Tools tools, Path dir, String mode, List<String> args)
      throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("labforge-xlcfg");
    try {
      Path script = tmp.resolve("xlcfg.py");
      try (InputStream in = XlUtil.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException(RESOURCE + " is not packed in the jar");
        }
        Files.write(script, in.readAllBytes());
      }
      Path python = tools.find(PYTHON).orElseThrow(() -> new IOException(PYTHON + " is not on PATH"));
      List<String> argv = new ArrayList<>(List.of(python.toString(), "-I", script.toString(), mode));
      argv.addAll(args);
      Tools.Run run = tools.run(dir, Map.of("LC_ALL", "C.UTF-8"), 120, argv.toArray(String[]::new));
      for (String line : run.output().split("\n")) {
        if (line.startsWith(MARK)) {
          return JSON.readTree(line.substring(MARK.length()));
        }
      }
      throw new IOException("xlcfg.py gave no answer (exit " + run.exitCode() + "): " + run.output().strip());
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
