package dev.labforge.output;

import dev.labforge.schema.SchemaValidator;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stage 5: every rendered file is parsed back and must pass its schema before anything is written. */
public final class OutputValidation {
  private OutputValidation() {}

  /** Checks a whole list: the first problem in list order, a file over the size limit before any other. */
  public static void check(List<RenderedFile> files) throws RenderException {
    // sizes first: a lab over the output limit is told so before any file is parsed
    for (RenderedFile file : files) {
      OutputTooLargeException.check(file);
    }
    Set<String> paths = new HashSet<>();
    for (RenderedFile file : files) {
      where(file, paths);
      parsesAndPasses(file);
    }
  }

  /** The file's path is safe and not taken yet by a file in {@code paths} (which it joins). */
  static void where(RenderedFile file, Set<String> paths) throws RenderException {
    String problem = OutputPaths.problem(file.path());
    if (problem != null) {
      throw new RenderException(file.origin(), "unsafe output path '" + file.path() + "': " + problem);
    }
    if (!paths.add(file.path())) {
      throw new RenderException(file.origin(), "two files render to " + file.path());
    }
  }

  /** The file reads back with its consumer's parser and passes its schema (when it has one). */
  static void parsesAndPasses(RenderedFile file) throws RenderException {
    if (file.schema() == null) {
      return;
    }
    List<SchemaValidator.Problem> problems = file.format().check(file, file.schema());
    if (!problems.isEmpty()) {
      SchemaValidator.Problem first = problems.get(0);
      throw new RenderException(file.origin(), file.path() + " fails " + file.schema() + " at "
          + (first.pointer().isEmpty() ? "/" : first.pointer()) + ": " + first.message()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
  }
}
