package dev.labforge.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import java.util.List;

/**
 * One output ecosystem, and everything labforge knows about it. Adding one: a package under
 * {@code targets/<id>/}, templates, schemas, goldens, docs and one line in {@link Targets#ALL};
 * {@code ConventionTest} says what is missing.
 */
public interface Target {
  /** The id used by {@code -t}, {@code targets:} and the folder names. */
  String id();

  /** What it writes, for {@code --help}, e.g. "Packer HCL2 templates, one per image". */
  String summary();

  /** Its packed schemas, e.g. "packer/template" for {@code schemas/packer/template.schema.json}. */
  List<String> schemas();

  /**
   * Its settings record, read from the spec's {@code targets.<id>} (a missing node when the spec
   * has none): defaults applied. The keys are described in the spec schema under
   * {@code /properties/targets/properties/<id>}.
   */
  Record settings(JsonNode node);

  /**
   * Ids of targets whose files this target's files point at. Rendering this target renders those
   * too, so a generated tree never points at a missing file.
   */
  default List<String> requires() {
    return List.of();
  }

  /**
   * What in a valid lab will not work in this target's files (exit 0, printed as located
   * warnings by {@code validate} and {@code gen}). Only asked of enabled targets and the targets
   * they require; two targets may give the same warning, which is printed once.
   */
  default List<dev.labforge.model.Warning> warnings(Lab lab) {
    return List.of();
  }

  /**
   * What to do with the files after {@code gen}: a one-line title, then commands that can be
   * copied as they are. {@code labDir} is {@code out/<lab>} as a shell word.
   */
  List<String> nextSteps(Lab lab, String labDir);

  /** What {@code labforge check} runs on this target's files, in order. */
  List<ToolCheck> checks();

  /** Every file of this target, with paths relative to {@code out/<lab>/}. */
  List<RenderedFile> render(Lab lab, TemplateRenderer templates) throws RenderException;

  /**
   * As {@link #render(Lab, TemplateRenderer)}, handing each file to {@code out} as it is made. A
   * target with many or large files per machine overrides it, so that a big lab's files are
   * checked and written one machine at a time instead of being held in memory together.
   */
  default void render(Lab lab, TemplateRenderer templates, dev.labforge.render.FileSink out) throws RenderException {
    for (RenderedFile file : render(lab, templates)) {
      out.accept(file);
    }
  }
}
