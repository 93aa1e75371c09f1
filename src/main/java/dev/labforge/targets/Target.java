package dev.labforge.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderException;
import dev.labforge.model.Warning;
import dev.labforge.render.FileSink;
import dev.labforge.render.TemplateRenderer;
import java.util.List;
import java.util.function.Function;

/**
 * One output ecosystem, and everything labforge knows about it. Adding one: a package under
 * {@code targets/<id>/}, templates, schemas, goldens, docs and one line in {@link Targets#ALL};
 * {@code ConventionTest} says what is missing.
 */
public interface Target {
  /**
   * What sets this target apart from the others, as one value: its id, help line, schema names and
   * settings reader. The methods below read it; a target overrides them only to say more.
   */
  About about();

  /**
   * {@code id}: {@code -t}, {@code targets:} and the folder names; {@code summary}: what it writes,
   * for {@code --help}; {@code schemas}: its packed schemas, e.g. "packer/template" for
   * {@code schemas/packer/template.schema.json} (the constants its files are checked with, through
   * {@code Schemas.resource}); {@code settings}: its settings
   * record, read from the spec's {@code targets.<id>} (a missing node when the spec has none),
   * defaults applied (the keys are described in the spec schema under
   * {@code /properties/targets/properties/<id>}).
   */
  record About(String id, String summary, List<String> schemas, Function<JsonNode, ? extends Record> settings) {
    public About {
      schemas = List.copyOf(schemas);
    }
  }

  /** The id used by {@code -t}, {@code targets:} and the folder names. */
  default String id() {
    return about().id();
  }

  /** What it writes, for {@code --help}, e.g. "Packer HCL2 templates, one per image". */
  default String summary() {
    return about().summary();
  }

  /** Its packed schemas, e.g. "packer/template" for {@code schemas/packer/template.schema.json}. */
  default List<String> schemas() {
    return about().schemas();
  }

  /** Its settings record, read from the spec's {@code targets.<id>}, defaults applied. */
  default Record settings(JsonNode node) {
    return about().settings().apply(node);
  }

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
  default List<Warning> warnings(Lab lab) {
    return List.of();
  }

  /**
   * What to do with the files after {@code gen}: a one-line title, then commands that can be
   * copied as they are. {@code labDir} is {@code out/<lab>} as a shell word.
   */
  List<String> nextSteps(Lab lab, String labDir);

  /** What {@code labforge check} runs on this target's files, in order. */
  List<ToolCheck> checks();

  /**
   * Every file of this target, with paths relative to {@code out/<lab>/}, handed to {@code out} one
   * by one as each is made: a big lab's files are checked and written as they come, never held
   * together (the one pipeline: {@code gen}, {@code gen --check} and the tests all read it).
   */
  void render(Lab lab, TemplateRenderer templates, FileSink out) throws RenderException;
}
