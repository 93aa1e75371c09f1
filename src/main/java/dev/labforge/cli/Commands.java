package dev.labforge.cli;

import dev.labforge.Generator;
import dev.labforge.Generator.InvalidSpecException;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.output.TreeWriter;
import dev.labforge.render.OutputTooLargeException;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
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

  private Loaded load(Path specPath) {
    try {
      SpecInput input = specPath == null ? SpecInput.example(SpecInput.DEFAULT_EXAMPLE)
          : specPath.toString().equals(SpecInput.STDIN) ? SpecInput.stdin(context.in()) : SpecInput.file(specPath);
      return new Loaded(input, Generator.load(input), ExitCodes.OK);
    } catch (InvalidSpecException e) {
      err.print(e.diagnostics().format());
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

  int gen(Path specPath, Path outDir, List<String> targets, boolean check) {
    for (String id : targets) {
      if (Targets.byId(id).isEmpty()) {
        err.println("labforge: unknown target '" + id + "'; known: " + String.join(", ", Targets.ids()));
        return ExitCodes.USAGE;
      }
    }
    Loaded loaded = load(specPath);
    if (loaded.lab() == null) {
      return loaded.failure();
    }
    SpecInput input = loaded.input();
    Lab lab = loaded.lab();
    List<RenderedFile> files;
    try {
      files = Generator.render(lab, input, targets);
    } catch (OutputTooLargeException e) {
      err.println("labforge: error: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (RenderException e) {
      return context.internal(e.getMessage(), e, e.origin());
    }
    try {
      // -t X replaces X's folder and those of the targets X requires; everything else is kept
      Set<String> only = targets.isEmpty() ? Set.of()
          : Targets.withRequired(targets).stream().map(dev.labforge.targets.Target::id)
              .collect(java.util.stream.Collectors.toSet());
      return check ? compare(outDir, lab, files, only) : write(outDir, lab, files, only);
    } catch (TreeWriter.RefusedException e) {
      err.println("labforge: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      err.println("labforge: cannot write " + outDir.resolve(lab.name()) + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  private int write(Path outDir, Lab lab, List<RenderedFile> files, Set<String> only) throws IOException {
    TreeWriter.write(outDir, lab.name(), files, only, note -> err.println("labforge: " + note));
    Path base = outDir.resolve(lab.name());
    for (RenderedFile file : files) {
      out.println(base.resolve(file.path()));
    }
    return ExitCodes.OK;
  }

  private int compare(Path outDir, Lab lab, List<RenderedFile> files, Set<String> only) throws IOException {
    List<String> differ = TreeWriter.differences(outDir, lab.name(), files, only);
    Path base = outDir.resolve(lab.name());
    if (differ.isEmpty()) {
      out.println(base + ": up to date (" + count(files.size(), "file") + ")");
      return ExitCodes.OK;
    }
    for (String path : differ) {
      err.println(base.resolve(path) + ": differs from what gen would write");
    }
    err.println(count(differ.size(), "file") + " out of date; run labforge gen to update " + base);
    return ExitCodes.INVALID;
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
