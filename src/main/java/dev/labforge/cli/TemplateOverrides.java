package dev.labforge.cli;

import dev.labforge.render.BuiltInTemplates;
import dev.labforge.render.RenderException;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.spec.Suggest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's template folder ({@code gen --templates DIR}, else {@code LABFORGE_TEMPLATES}), laid
 * out like {@code templates/}: a file there replaces the built-in template of that name. What it
 * breaks is the user's to fix: exit 1, naming the override file.
 */
final class TemplateOverrides {
  static final String ENV = "LABFORGE_TEMPLATES";

  private TemplateOverrides() {}

  /** The folder to use: the option, else the environment variable when set and not empty, else null. */
  static Path folder(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String value = env.get(ENV);
    return value == null || value.isEmpty() ? null : Path.of(value);
  }

  /** Checks the folder and every file in it; prints each problem. Returns an exit code. */
  static int check(Path dir, PrintWriter err) throws IOException {
    if (!Files.isDirectory(dir)) {
      err.println("labforge: template overrides " + dir + ": no such folder");
      return ExitCodes.INVALID;
    }
    List<String> builtIn = BuiltInTemplates.names();
    int bad = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        if (!builtIn.contains(name)) {
          err.println("labforge: " + file + ": no built-in template is named " + name
              + Suggest.didYouMean(name, builtIn) + " (labforge templates lists them)");
          bad++;
        }
      }
    }
    return bad == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** A failure caused by an override, reported as the user's: the file and what is wrong with its output. */
  static Optional<Integer> userError(TemplateRenderer templates, RenderException e, PrintWriter err) {
    Optional<Path> file = templates.overrideBehind(e);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof freemarker.core.ParseException pe) {
        err.println("labforge: " + file.get() + ":" + pe.getLineNumber() + ":" + pe.getColumnNumber()
            + ": this template override does not parse: " + firstLine(pe.getEditorMessage()));
        return Optional.of(ExitCodes.INVALID);
      }
      if (t instanceof freemarker.template.TemplateException te) {
        String where = te.getLineNumber() == null ? "" : ":" + te.getLineNumber() + ":" + te.getColumnNumber();
        // the place is in the user's file; the reason is the innermost one (?eval and ?interpret wrap it)
        freemarker.template.TemplateException reason = innermost(te);
        String what = firstLine(reason.getMessageWithoutStackTop());
        if (what.endsWith(":") && reason.getBlamedExpressionString() != null) {
          what += " " + reason.getBlamedExpressionString();
        }
        err.println("labforge: " + file.get() + where + ": this template override fails: " + what);
        return Optional.of(ExitCodes.INVALID);
      }
    }
    String message = e.getMessage();
    if (e.origin() != null && message.startsWith(e.origin() + ": ")) {
      message = message.substring(e.origin().length() + 2);
    }
    err.println("labforge: " + file.get() + ": this template override breaks the output: " + message);
    return Optional.of(ExitCodes.INVALID);
  }

  private static freemarker.template.TemplateException innermost(freemarker.template.TemplateException te) {
    freemarker.template.TemplateException last = te;
    for (Throwable t = te.getCause(); t != null; t = t.getCause()) {
      if (t instanceof freemarker.template.TemplateException inner) {
        last = inner;
      }
    }
    return last;
  }

  private static String firstLine(String text) {
    String s = text == null ? "" : text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl).strip();
  }
}
