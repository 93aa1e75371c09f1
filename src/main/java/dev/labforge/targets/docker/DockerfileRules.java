package dev.labforge.targets.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A few of hadolint's rules, run offline on a Dockerfile's text (hadolint is not packaged for
 * Debian 12, and its binary needs a download). Each problem names the rule; docs/targets/docker.md
 * lists them. Instructions are read after joining "\" continuations; comments are ignored.
 */
public final class DockerfileRules {
  private static final Pattern RUN_APT_INSTALL = Pattern.compile("\\bapt-get\\s+(?:\\S+\\s+)*install\\b");
  private static final Pattern RUN_DNF_INSTALL = Pattern.compile("\\b(?:dnf|yum)\\s+(?:\\S+\\s+)*install\\b");

  private DockerfileRules() {}

  /** The problems of {@code text}, in line order, e.g. "line 7: DL3015 apt-get install without --no-install-recommends". */
  public static List<String> check(String text) {
    List<String> problems = new ArrayList<>();
    List<Instruction> instructions = instructions(text);
    boolean sawFrom = false;
    boolean stopSignal = false;
    String lastCmd = null;
    int lastCmdLine = 0;
    for (Instruction i : instructions) {
      switch (i.keyword()) {
        case "FROM" -> {
          sawFrom = true;
          String image = i.args().split("\\s+")[0];
          // DL3006/DL3007: a base is pinned to a tag, or comes from a build argument (whose default is).
          if (!image.startsWith("$") && (!image.contains(":") || image.endsWith(":latest"))) {
            problems.add(i.at() + "DL3006 FROM " + image + " without a tag other than latest");
          }
        }
        case "ARG" -> {
          String[] nameValue = i.args().split("=", 2);
          if (!sawFrom && nameValue.length == 2 && nameValue[1].endsWith(":latest")) {
            problems.add(i.at() + "DL3007 ARG " + nameValue[0] + " defaults to a latest tag");
          }
        }
        case "RUN" -> run(i, problems);
        case "ADD" -> problems.add(i.at() + "DL3020 ADD instead of COPY");
        case "STOPSIGNAL" -> stopSignal = true;
        case "CMD", "ENTRYPOINT" -> {
          lastCmd = i.args();
          lastCmdLine = i.line();
          // DL3025: the exec (JSON) form, so the program is PID 1 and gets the signals.
          if (!i.args().startsWith("[")) {
            problems.add(i.at() + "DL3025 " + i.keyword() + " in shell form; use the JSON form");
          }
        }
        default -> { }
      }
    }
    if (!sawFrom) {
      problems.add("line 1: DL3061 no FROM");
    }
    // labforge's own: systemd as PID 1 shuts down on SIGRTMIN+3, and ignores docker stop's SIGTERM.
    if (lastCmd != null && lastCmd.contains("init") && !stopSignal) {
      problems.add("line " + lastCmdLine + ": LF001 systemd as PID 1 without STOPSIGNAL SIGRTMIN+3");
    }
    return problems;
  }

  private static void run(Instruction i, List<String> problems) {
    String cmd = i.args();
    if (RUN_APT_INSTALL.matcher(cmd).find()) {
      if (!cmd.matches("(?s).*\\binstall\\b.*\\s(-y|--yes|-qq|--assume-yes)\\b.*")) {
        problems.add(i.at() + "DL3014 apt-get install without -y");
      }
      if (!cmd.contains("--no-install-recommends")) {
        problems.add(i.at() + "DL3015 apt-get install without --no-install-recommends");
      }
      if (!cmd.contains("rm -rf /var/lib/apt/lists")) {
        problems.add(i.at() + "DL3009 apt lists not removed after apt-get install");
      }
    }
    if (RUN_DNF_INSTALL.matcher(cmd).find()) {
      if (!cmd.matches("(?s).*\\binstall\\b.*\\s(-y|--assumeyes)\\b.*")) {
        problems.add(i.at() + "DL3038 dnf install without -y");
      }
      if (!cmd.contains("dnf clean all") && !cmd.contains("yum clean all")) {
        problems.add(i.at() + "DL3040 dnf clean all missing after dnf install");
      }
    }
    if (cmd.matches("(?s).*\\bapt\\s+(install|update|upgrade)\\b.*")) {
      problems.add(i.at() + "DL3027 apt in a script; use apt-get");
    }
    if (cmd.matches("(?s)(.*[;&|]\\s*|)cd\\s.*")) {
      problems.add(i.at() + "DL3003 cd in RUN; use WORKDIR");
    }
  }

  /** One instruction: its first line, keyword in capitals, and arguments with continuations joined. */
  record Instruction(int line, String keyword, String args) {
    String at() {
      return "line " + line + ": ";
    }
  }

  static List<Instruction> instructions(String text) {
    List<Instruction> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder current = null;
    int start = 0;
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String trimmed = line.strip();
      if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        start = n + 1;
      } else if (trimmed.startsWith("#")) {
        continue; // a comment inside a continued instruction is dropped, as Docker does
      }
      boolean continues = trimmed.endsWith("\\");
      current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continues) {
        String whole = current.toString().strip();
        String[] parts = whole.split("\\s+", 2);
        out.add(new Instruction(start, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        current = null;
      }
    }
    return out;
  }
}
