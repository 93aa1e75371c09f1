package dev.labforge.cli;

import dev.labforge.Generator;
import dev.labforge.Generator.InvalidSpecException;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.output.Manifest;
import dev.labforge.output.Staging;
import dev.labforge.output.TreeDifferences;
import dev.labforge.output.TreeWriter;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.SpoolWriteException;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.spec.Suggest;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** What each subcommand does; picocli only parses. Every path returns an exit code. */
final class Commands {
  private final Context context;
  private final PrintWriter out;
  private final PrintWriter err;

  Commands(Context context) {
    this.context = context;
    this.out = context.out();
    this.err = context.err();
  }

  /** A loaded spec, or the exit code of why it could not be loaded (already reported). */
  private record Loaded(SpecInput input, Lab lab, int failure) {}

  /** Loads the spec; prints its errors, or its warnings (a valid spec that will not work as meant). */
  private Loaded load(Path specPath) {
    try {
      SpecInput input = specPath == null ? SpecInput.example(SpecInput.DEFAULT_EXAMPLE)
          : specPath.toString().equals(SpecInput.STDIN) ? SpecInput.stdin(context.in()) : SpecInput.file(specPath);
      Generator.Checked checked = Generator.check(input);
      if (!checked.warnings().isEmpty()) {
        context.diagnostics(checked.warnings());
      }
      return new Loaded(input, checked.lab(), ExitCodes.OK);
    } catch (InvalidSpecException e) {
      context.diagnostics(e.diagnostics());
    } catch (NoSuchFileException e) {
      err.println("labforge: " + e.getFile() + ": no such file");
    } catch (IOException e) {
      err.println("labforge: " + e.getMessage());
    }
    return new Loaded(null, null, ExitCodes.INVALID);
  }

  int validate(Path specPath) {
    Loaded loaded = load(specPath);
    if (loaded.lab() == null) {
      return loaded.failure();
    }
    Lab lab = loaded.lab();
    out.println(loaded.input().name() + ": ok: lab '" + lab.name() + "', " + count(lab.machines().size(), "machine")
        + ", " + count(lab.networks().size(), "network") + ", " + count(lab.images().size(), "image"));
    return ExitCodes.OK;
  }

  int show(Path specPath) {
    Loaded loaded = load(specPath);
    if (loaded.lab() == null) {
      return loaded.failure();
    }
    ShowAction.print(loaded.lab(), out);
    return ExitCodes.OK;
  }

  int gen(Path specPath, Path outDir, List<String> targets, GenOptions options) {
    for (String id : targets) {
      if (Targets.byId(id).isEmpty()) {
        String suggestion = Suggest.didYouMean(id, Targets.ids());
        err.println("labforge: unknown target '" + id + "'" + suggestion
            + (suggestion.isEmpty() ? "; known: " : " Known: ") + String.join(", ", Targets.ids()));
        return ExitCodes.USAGE;
      }
    }
    Generator.prepare(targets);
    Loaded loaded = load(specPath);
    if (loaded.lab() == null) {
      return loaded.failure();
    }
    SpecInput input = loaded.input();
    Lab lab = loaded.lab();
    TemplateRenderer templates = new TemplateRenderer();
    Path overrides = TemplateOverrides.folder(options.templates(), context.env());
    if (overrides != null) {
      try {
        int code = TemplateOverrides.check(overrides, err);
        if (code != ExitCodes.OK) {
          return code;
        }
      } catch (IOException e) {
        err.println("labforge: cannot read template overrides " + overrides + ": " + e.getMessage());
        return ExitCodes.INVALID;
      }
      templates = new TemplateRenderer(overrides);
    }
    // -t X replaces X's folder and those of the targets X requires; everything else is kept
    Set<String> only = targets.isEmpty() ? Set.of()
        : Targets.withRequired(targets).stream().map(Target::id)
            .collect(java.util.stream.Collectors.toSet());
    try {
      if (options.compareOnly()) {
        // compared as the files are made, each then dropped: a big lab is never held whole
        TreeDifferences tree =
            new TreeDifferences(outDir, lab.name(), only, options.diff());
        tree.put(Generator.render(lab, input, targets, templates, tree).manifest());
        return new TreeComparison(out, err).report(outDir.resolve(lab.name()), tree.files(), tree.finish(),
            options.diff());
      }
      List<String> paths;
      try (Staging staging = TreeWriter.open(outDir, lab.name(), note -> err.println("labforge: " + note))) {
        Generator.Streamed made = Generator.render(lab, input, targets, templates, staging);
        staging.commit(made.manifest(), only);
        paths = new java.util.ArrayList<>(made.files().stream().map(Manifest.Entry::path).toList());
        paths.add(made.manifest().path());
        java.util.Collections.sort(paths);
      }
      Path base = outDir.resolve(lab.name());
      for (String path : paths) {
        out.println(base.resolve(path));
      }
      if (!options.quiet()) {
        NextSteps.print(err, lab, outDir.resolve(lab.name()), Generator.targets(lab, targets));
      }
      return ExitCodes.OK;
    } catch (OutputTooLargeException e) {
      err.println("labforge: error: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (SpoolWriteException e) {
      err.println("labforge: cannot write " + outDir.resolve(lab.name()) + ": " + e.getCause().getMessage());
      return ExitCodes.INVALID;
    } catch (RenderException e) {
      java.util.Optional<Integer> userError = TemplateOverrides.userError(templates, e, err);
      return userError.isPresent() ? userError.get() : context.internal(e.getMessage(), e, e.origin());
    } catch (TreeWriter.RefusedException e) {
      err.println("labforge: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      err.println("labforge: cannot write " + outDir.resolve(lab.name()) + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  int init(String example, Path dir, boolean force) {
    return new InitAction(out, err).run(example, dir, force);
  }

  int schema(String name) {
    return new SchemaAction(out, err).run(name);
  }

  int check(Path dir) {
    return new CheckAction(context).run(dir);
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
