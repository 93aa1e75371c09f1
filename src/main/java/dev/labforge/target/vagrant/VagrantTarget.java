package dev.labforge.target.vagrant;

import dev.labforge.model.Lab;
import dev.labforge.render.Format;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.Templates;
import dev.labforge.target.Target;
import dev.labforge.tools.Tools;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One multi-machine {@code vagrant/Vagrantfile}: the view is schema-checked before rendering and
 * the Ruby text is syntax-checked with {@code ruby -c} after, when ruby is on PATH (about 0.1 s).
 */
public final class VagrantTarget implements Target {
  static final String TEMPLATE = "vagrant/Vagrantfile.ftl";
  static final String PATH = "vagrant/Vagrantfile";

  @Override
  public String id() {
    return "vagrant";
  }

  @Override
  public List<RenderedFile> render(Lab lab, Templates templates) throws RenderException {
    String text = text(lab, templates);
    try {
      Optional<String> problem = RubySyntax.problemIn(Tools.system(), text);
      if (problem.isPresent()) {
        throw new RenderException("templates/" + TEMPLATE, PATH + " fails ruby -c: " + problem.get());
      }
    } catch (IOException e) {
      throw new RenderException("templates/" + TEMPLATE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("templates/" + TEMPLATE, e);
    }
    return List.of(RenderedFile.text(PATH, text, "templates/" + TEMPLATE, Format.RUBY, null));
  }

  /** The Vagrantfile text, view checked, without running ruby (tests batch their own ruby runs). */
  public static String text(Lab lab, Templates templates) throws RenderException {
    VagrantView view = VagrantViews.of(lab);
    ViewCheck.check(view, "templates/" + TEMPLATE);
    return templates.render(TEMPLATE, Map.of("v", view));
  }
}
