package dev.labforge.targets.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.targets.ToolCheck;
import dev.labforge.targets.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the installed QEMU can tell about a launcher without starting a VM: that its machine type,
 * CPU model, every {@code -device} driver and every {@code -netdev} backend exist in this build
 * ({@code qemu-system-x86_64 -machine help}, {@code -cpu help}, {@code -device help},
 * {@code -netdev help}). A QEMU built without, say, the socket netdev fails here, not at {@code up}.
 */
final class QemuOptionsCheck implements ToolCheck {
  static final String QEMU = "qemu-system-x86_64";
  private static final Pattern DEVICE = Pattern.compile("^name \"([^\"]+)\"", Pattern.MULTILINE);

  @Override
  public String name() {
    return QEMU + " -device/-netdev/-machine/-cpu help";
  }

  @Override
  public List<String> requires() {
    return List.of(QEMU);
  }

  @Override
  public List<String> run(Path labDir, Tools tools) throws Exception {
    Path dir = labDir.resolve(QemuTarget.DIR);
    List<String> problems = new ArrayList<>();
    List<String> launchers = ShellScriptsCheck.scripts(dir).stream().filter(s -> !s.equals("lab.sh")).toList();
    if (launchers.isEmpty()) {
      // a tree generated without the qemu target (gen -t ...): nothing of QEMU's to ask about
      return problems;
    }
    Set<String> machines = firstWords(help(tools, dir, "-machine"), 0);
    Set<String> cpus = firstWords(help(tools, dir, "-cpu"), 1);
    Set<String> netdevs = firstWords(help(tools, dir, "-netdev"), 0);
    Set<String> devices = new LinkedHashSet<>();
    Matcher m = DEVICE.matcher(help(tools, dir, "-device"));
    while (m.find()) {
      devices.add(m.group(1));
    }
    for (String script : launchers) {
      JsonNode options = LauncherFormat.parse(Files.readString(dir.resolve(script))).path("options");
      String at = QemuTarget.DIR + script + ": ";
      for (JsonNode v : options.path("-machine")) {
        require(machines, v.asText(), at + "machine type ", problems);
      }
      for (JsonNode v : options.path("-cpu")) {
        require(cpus, v.asText(), at + "CPU model ", problems);
      }
      for (JsonNode v : options.path("-netdev")) {
        require(netdevs, v.asText().split(",", 2)[0], at + "netdev backend ", problems);
      }
      for (JsonNode v : options.path("-device")) {
        require(devices, v.asText().split(",", 2)[0], at + "device ", problems);
      }
    }
    return problems;
  }

  private static void require(Set<String> known, String name, String what, List<String> problems) {
    if (!known.contains(name)) {
      problems.add(what + name + " is not in this QEMU (" + QEMU + " knows " + known.size() + ")");
    }
  }

  private static String help(Tools tools, Path dir, String option) throws Exception {
    Tools.Run run = tools.run(dir, Map.of(), 60, QEMU, option, "help");
    if (!run.ok()) {
      throw new IllegalStateException(QEMU + " " + option + " help exited " + run.exitCode() + ": " + run.output().strip());
    }
    return run.output();
  }

  /** The word at {@code column} of every line (-machine help: "q35  Standard PC ...", column 0; -cpu help: "x86 max ...", column 1). */
  static Set<String> firstWords(String text, int column) {
    Set<String> words = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length > column && !parts[column].isEmpty()) {
        words.add(parts[column]);
      }
    }
    return words;
  }
}
