package dev.labforge.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.spec.SchemaValidator;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stage 5: every rendered file is parsed back and must pass its schema before anything is written. */
public final class OutputValidation {
  private OutputValidation() {}

  public static void check(List<RenderedFile> files) throws RenderException {
    // sizes first: a lab over the output limit is told so before any file is parsed
    for (RenderedFile file : files) {
      OutputTooLargeException.check(file);
    }
    Set<String> paths = new HashSet<>();
    for (RenderedFile file : files) {
      String problem = OutputPaths.problem(file.path());
      if (problem != null) {
        throw new RenderException(file.origin(), "unsafe output path '" + file.path() + "': " + problem);
      }
      if (!paths.add(file.path())) {
        throw new RenderException(file.origin(), "two files render to " + file.path());
      }
      if (file.schema() == null) {
        continue;
      }
      JsonNode parsed = file.format().parse(file);
      List<SchemaValidator.Problem> problems = SchemaValidator.validate(file.schema(), parsed);
      if (!problems.isEmpty()) {
        SchemaValidator.Problem first = problems.get(0);
        throw new RenderException(file.origin(), file.path() + " fails " + file.schema() + " at "
            + (first.pointer().isEmpty() ? "/" : first.pointer()) + ": " + first.message()
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
      }
    }
  }
}
