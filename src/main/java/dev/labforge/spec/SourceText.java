package dev.labforge.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * The text of a spec as the user wrote it, with the folder that relative paths in it (scripts)
 * resolve against. {@code dir} is null for the built-in examples, which resolve from the jar.
 */
public record SourceText(String name, String text, Path dir, List<String> lines) {

  public SourceText(String name, String text, Path dir) {
    this(name, text, dir, List.of(text.split("\r?\n", -1)));
  }

  public int lineCount() {
    return lines.size();
  }

  public String line(int oneBased) {
    return lines.get(oneBased - 1);
  }
}
