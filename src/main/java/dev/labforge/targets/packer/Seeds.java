package dev.labforge.targets.packer;

import dev.labforge.model.User;
import dev.labforge.render.Formats;
import dev.labforge.render.RenderException;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a build reads next to its template: the NoCloud seed a cloud image boots with (on
 * Packer's cd_files CD, label cidata), or the answers an installer ISO fetches from Packer's
 * HTTP server (Debian preseed, Ubuntu autoinstall, kickstart).
 */
final class Seeds {
  static final String SEED = "packer/seed-user-data";
  static final String META = "packer/seed-meta-data";
  static final String AUTOINSTALL = "packer/autoinstall-user-data";
  static final String SEED_SCHEMA = Schemas.resource(SEED);
  static final String META_SCHEMA = Schemas.resource(META);
  static final String AUTOINSTALL_SCHEMA = Schemas.resource(AUTOINSTALL);

  /**
   * The view of every seed and installer answer file: {@code passwordHash} is "!" (no password)
   * when the build user has none. The installers' closing shell lines are laid out by
   * {@code packer/include/user-setup.ftl}.
   */
  public record SeedView(String image, User user, String passwordHash, String sudoRule) {}

  private Seeds() {}

  static List<RenderedFile> files(ImagePlan plan, TemplateRenderer templates) throws RenderException {
    SeedView model = new SeedView(plan.image().name(), plan.user(),
        plan.user().hasPassword() ? plan.user().passwordHash() : "!", User.SUDO_RULE);
    String dir = "packer/" + plan.dir();
    List<RenderedFile> files = new ArrayList<>();
    if (!plan.iso()) {
      if (plan.emits("qemu")) {
        files.add(yaml(dir + "/seed/user-data", "packer/seed/user-data.ftl", model, templates, SEED_SCHEMA));
        files.add(yaml(dir + "/seed/meta-data", "packer/seed/meta-data.ftl", model, templates, META_SCHEMA));
      }
      return files;
    }
    if (!(plan.emits("qemu") || plan.emits("virtualbox-iso") || plan.emits("vmware-iso"))) {
      return files;
    }
    switch (plan.distro().installer()) {
      case PRESEED -> files.add(text(dir + "/http/preseed.cfg", "packer/http/preseed.cfg.ftl", model, templates));
      case AUTOINSTALL -> {
        files.add(yaml(dir + "/http/user-data", "packer/http/user-data.ftl", model, templates, AUTOINSTALL_SCHEMA));
        files.add(yaml(dir + "/http/meta-data", "packer/seed/meta-data.ftl", model, templates, META_SCHEMA));
      }
      case KICKSTART -> files.add(text(dir + "/http/ks.cfg", "packer/http/ks.cfg.ftl", model, templates));
    }
    return files;
  }

  private static RenderedFile yaml(String path, String template, SeedView model, TemplateRenderer templates,
      String schema) throws RenderException {
    return RenderedFile.text(path, templates.render(template, model), "templates/" + template, Formats.YAML, schema);
  }

  private static RenderedFile text(String path, String template, SeedView model, TemplateRenderer templates)
      throws RenderException {
    return RenderedFile.text(path, templates.render(template, model), "templates/" + template, Formats.TEXT, null);
  }
}
