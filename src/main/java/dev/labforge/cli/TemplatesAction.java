package dev.labforge.cli;

import dev.labforge.render.BuiltInTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code labforge templates [--copy DIR]}: lists the built-in templates, or copies them as a start for overrides. */
final class TemplatesAction {
  private final PrintWriter out;
  private final PrintWriter err;

  TemplatesAction(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(Path copyTo) {
    try {
      List<String> names = BuiltInTemplates.names();
      if (copyTo == null) {
        names.forEach(out::println);
        return ExitCodes.OK;
      }
      for (String name : names) {
        if (Files.exists(copyTo.resolve(name))) {
          err.println("labforge: " + copyTo.resolve(name) + " already exists; copy into an empty folder");
          return ExitCodes.INVALID;
        }
      }
      for (String name : names) {
        Path file = copyTo.resolve(name);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, BuiltInTemplates.read(name));
        out.println(file);
      }
      err.println("Keep the templates you change, delete the rest, then: labforge gen SPEC --templates "
          + SpecHeader.word(copyTo.toString()));
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("labforge: cannot copy the templates into " + copyTo + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }
}
