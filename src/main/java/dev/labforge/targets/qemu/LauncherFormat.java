package dev.labforge.targets.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a launcher back as bash reads its command: the words of the {@code QEMU_ARGS=( ... )} array
 * (single quotes, {@code \'}, double quotes without expansion, {@code #} comments) and the program
 * of the {@code exec} line. {@code -m '512M'  # memory} becomes {@code {"-m": ["512M"]}} under
 * {@code options}; an option without a value (the next word is another option) has {@code ""}.
 * {@code {"program": "qemu-system-x86_64", "boot": "${BOOT[@]}", "options": {...}}}.
 */
public final class LauncherFormat {
  static final String ARRAY_START = "QEMU_ARGS=(";
  static final String EXEC = "exec ";

  public static final Format FORMAT = new Format() {
    @Override
    public String name() {
      return "QEMU launcher";
    }

    @Override
    public JsonNode parse(RenderedFile file) throws RenderException {
      try {
        return LauncherFormat.parse(file.text());
      } catch (IllegalArgumentException e) {
        throw new RenderException(file.origin(), file.path() + " does not parse back as a QEMU launcher: " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return name();
    }
  };

  private LauncherFormat() {}

  static ObjectNode parse(String text) {
    String[] lines = text.split("\n", -1);
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals(ARRAY_START)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalArgumentException("no line " + ARRAY_START);
    }
    List<String> words = new ArrayList<>();
    int end = -1;
    for (int i = start + 1; i < lines.length; i++) {
      if (lines[i].equals(")")) {
        end = i;
        break;
      }
      words.addAll(words(lines[i], i + 1));
    }
    if (end < 0) {
      throw new IllegalArgumentException("the array " + ARRAY_START + " is not closed");
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (int i = end + 1; i < lines.length; i++) {
      if (lines[i].startsWith(EXEC)) {
        List<String> exec = words(lines[i].substring(EXEC.length()), i + 1);
        root.put("program", exec.get(0));
        if (exec.size() < 2 || !exec.get(1).equals("${QEMU_ARGS[@]}")) {
          throw new IllegalArgumentException("line " + (i + 1) + ": exec does not pass ${QEMU_ARGS[@]}");
        }
        if (exec.size() > 2) {
          root.put("boot", String.join(" ", exec.subList(2, exec.size())));
        }
      }
    }
    if (!root.has("program")) {
      throw new IllegalArgumentException("no exec line after the array");
    }
    ObjectNode options = root.putObject("options");
    for (int i = 0; i < words.size(); i++) {
      String option = words.get(i);
      if (!option.startsWith("-")) {
        throw new IllegalArgumentException("'" + option + "' follows a value, not an option");
      }
      String value = i + 1 < words.size() && !words.get(i + 1).startsWith("-") ? words.get(++i) : "";
      (options.has(option) ? (com.fasterxml.jackson.databind.node.ArrayNode) options.get(option)
          : options.putArray(option)).add(value);
    }
    return root;
  }

  /** The words of one line as bash splits them (no expansion); a # at a word's start ends the line. */
  static List<String> words(String line, int lineNumber) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c == '#') {
        break;
      }
      StringBuilder word = new StringBuilder();
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        c = line.charAt(i);
        if (c == '\'') {
          int close = line.indexOf('\'', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": unclosed '");
          }
          word.append(line, i + 1, close);
          i = close + 1;
        } else if (c == '"') {
          int close = line.indexOf('"', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": unclosed \"");
          }
          String inside = line.substring(i + 1, close);
          if (inside.contains("\\") || inside.contains("`") || inside.contains("$(")) {
            throw new IllegalArgumentException("line " + lineNumber + ": a double-quoted word with \\, ` or $(");
          }
          word.append(inside);
          i = close + 1;
        } else if (c == '\\' && i + 1 < n) {
          word.append(line.charAt(i + 1));
          i += 2;
        } else if ("()|&;<>`$*?[]{}!".indexOf(c) >= 0) {
          throw new IllegalArgumentException("line " + lineNumber + ": '" + c + "' outside quotes");
        } else {
          word.append(c);
          i++;
        }
      }
      words.add(word.toString());
    }
    return words;
  }
}
