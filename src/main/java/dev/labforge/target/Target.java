package dev.labforge.target;

import dev.labforge.model.Lab;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import java.util.List;

/** One output ecosystem. Adding one: a class here, templates, schemas, a golden folder. */
public interface Target {
  /** The id used by {@code -t}, {@code targets:} and the folder names. */
  String id();

  /** Every file of this target, with paths relative to {@code out/<lab>/}. */
  List<RenderedFile> render(Lab lab, Templates templates) throws RenderException;
}
