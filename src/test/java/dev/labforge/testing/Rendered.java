package dev.labforge.testing;

import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.output.Manifest;
import dev.labforge.output.OutputChecks;
import dev.labforge.output.Staging;
import dev.labforge.output.TreeDifferences;
import dev.labforge.output.TreeWriter;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one pipeline (the streamed {@code render(..., FileSink)}), collected for tests: labforge
 * itself never holds a lab's files together, a test may.
 */
public final class Rendered {
  private static final TemplateRenderer TEMPLATES = new TemplateRenderer();

  private Rendered() {}

  /** The valid lab of {@code input} (what gen renders). */
  public static Lab load(SpecInput input) throws Generator.InvalidSpecException {
    return Generator.check(input).lab();
  }

  /** One target's files, in the order it makes them. */
  public static List<RenderedFile> of(Target target, Lab lab, TemplateRenderer templates) throws RenderException {
    List<RenderedFile> files = Collections.synchronizedList(new ArrayList<>());
    target.render(lab, templates, files::add);
    return List.copyOf(files);
  }

  /** As gen makes them: {@code only} (the enabled targets when empty) and what they require, checked, with the manifest; sorted by path. */
  public static List<RenderedFile> all(Lab lab, SpecInput input, Collection<String> only) throws RenderException {
    return all(lab, input, only, TEMPLATES);
  }

  /** As {@link #all(Lab, SpecInput, Collection)}, with {@code templates}. */
  public static List<RenderedFile> all(Lab lab, SpecInput input, Collection<String> only, TemplateRenderer templates)
      throws RenderException {
    List<RenderedFile> files = Collections.synchronizedList(new ArrayList<>());
    OutputChecks.Store store = files::add;
    try {
      files.add(Generator.render(lab, input, only, templates, store).manifest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // adding to a list does not fail
    }
    List<RenderedFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(RenderedFile::path));
    return List.copyOf(sorted);
  }

  /** Writes {@code files} (with their manifest) as the tree of {@code lab} under {@code outDir}, as gen does. */
  public static Path write(Path outDir, String lab, List<RenderedFile> files) throws IOException {
    try (Staging staging = TreeWriter.open(outDir, lab, note -> {})) {
      RenderedFile manifest = null;
      for (RenderedFile file : files) {
        if (file.path().equals(Manifest.PATH)) {
          manifest = file;
        } else {
          staging.put(file);
        }
      }
      return staging.commit(manifest, Set.of());
    }
  }

  /** Paths that differ between the tree on disk and {@code files}, sorted (what {@code gen --check} names). */
  public static List<String> differences(Path outDir, String lab, List<RenderedFile> files) throws IOException {
    TreeDifferences tree = new TreeDifferences(outDir, lab, Set.of(), false);
    for (RenderedFile file : files) {
      tree.put(file);
    }
    return tree.finish().stream().map(TreeDifferences.Difference::path).toList();
  }
}
