package dev.labforge;

import dev.labforge.spec.Diagnostics;
import dev.labforge.rules.SpecRules;
import dev.labforge.model.Lab;
import dev.labforge.model.ModelBuilder;
import dev.labforge.output.Manifest;
import dev.labforge.output.OutputChecks;
import dev.labforge.output.OutputValidation;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.SpecReader;
import dev.labforge.spec.SpecSyntaxException;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Stages 1 to 5 in order: read, check, model, render, check outputs. Writing is the caller's. */
public final class Generator {
  /** A spec that failed to read or check; {@code diagnostics} holds every problem. */
  public static final class InvalidSpecException extends Exception {
    private final transient Diagnostics diagnostics;

    public InvalidSpecException(Diagnostics diagnostics) {
      super(diagnostics.format());
      this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
      return diagnostics;
    }
  }

  private Generator() {}

  /** A valid lab and the warnings about it (empty when it will work as meant). */
  public record Checked(Lab lab, Diagnostics warnings) {}

  /** The valid lab of {@code input}, with the located warnings of a spec that will not work as meant. */
  public static Checked check(SpecInput input) throws InvalidSpecException {
    // the lab schema compiles on another core while the spec is read
    dev.labforge.schema.SchemaValidator.prefetch(List.of(SpecRules.SCHEMA));
    LocatedTree tree;
    try {
      tree = SpecReader.read(input.name(), input.bytes(), input.dir());
      dev.labforge.model.Passwords.prefetch(tree.root());
    } catch (SpecSyntaxException e) {
      throw new InvalidSpecException(e.diagnostics());
    }
    Diagnostics diagnostics = SpecRules.check(tree);
    if (!diagnostics.isEmpty()) {
      throw new InvalidSpecException(diagnostics);
    }
    Lab lab = ModelBuilder.build(tree);
    return new Checked(lab, Warnings.of(tree, lab));
  }

  /**
   * Starts compiling the output schemas of {@code only} (every target when empty) on another core,
   * for a {@code gen} that is about to read and check its spec.
   */
  public static void prepare(Collection<String> only) {
    List<Target> targets = only.isEmpty() ? Targets.ALL : Targets.withRequired(only);
    List<String> resources = new ArrayList<>();
    targets.forEach(t -> t.schemas().forEach(s -> resources.add(Schemas.resource(s))));
    resources.add(Manifest.SCHEMA);
    dev.labforge.schema.SchemaValidator.prefetch(resources);
  }

  /** The targets {@link #render} renders: {@code only} (the enabled ones when empty) and what they require. */
  public static List<Target> targets(Lab lab, Collection<String> only) {
    List<String> selected = only.isEmpty()
        ? Targets.ids().stream().filter(id -> lab.targets().enabled(id)).toList() : List.copyOf(only);
    return Targets.withRequired(selected);
  }

  /**
   * Stages 4 and 5 streaming: renders, checks each file and hands it to {@code store} as soon as it
   * passes (from worker threads, in no particular order), so a large lab is never held whole.
   * Returns the checked manifest, which is not handed to {@code store}, and what it lists.
   */
  public static Streamed render(Lab lab, SpecInput input, Collection<String> only, TemplateRenderer templates,
      OutputChecks.Store store) throws RenderException, java.io.IOException {
    List<Manifest.Entry> entries;
    dev.labforge.render.Spool spool = store.spool();
    if (spool != null) {
      templates = templates.spooling(spool);
    }
    try (OutputChecks checks = new OutputChecks(store)) {
      // targets one after the other, so that at most one lab-wide file (a Vagrantfile, a preseed)
      // is held at a time; the work within a target (each machine's seeds) runs on every core
      for (Target target : targets(lab, only)) {
        target.render(lab, templates, checks);
        checks.drain();
      }
      entries = checks.finish();
    }
    RenderedFile manifest = Manifest.ofEntries(lab.name(), input.name(), input.bytes(), entries, spool);
    if (entries.stream().anyMatch(e -> e.path().equals(Manifest.PATH))) {
      throw new RenderException(manifest.origin(), "two files render to " + Manifest.PATH);
    }
    OutputValidation.check(List.of(manifest));
    return new Streamed(manifest, entries);
  }

  /** What a streaming {@link #render} made: the manifest (not yet stored) and the files it lists, by path. */
  public record Streamed(RenderedFile manifest, List<Manifest.Entry> files) {}
}
