package dev.labforge.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The single FreeMarker configuration. TemplateRenderer live in the jar under {@code templates/}; they
 * only lay out values that Java computed, and call {@code esc.*} ({@link Escape}) for literals.
 */
public final class TemplateRenderer {
  private final Configuration config;

  public TemplateRenderer() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassLoaderForTemplateLoading(TemplateRenderer.class.getClassLoader(), "templates");
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setAutoEscapingPolicy(Configuration.DISABLE_AUTO_ESCAPING_POLICY);
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    config.setLocale(java.util.Locale.ROOT);
    config.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    config.setWhitespaceStripping(true);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setExposeFields(false);
    freemarker.template.DefaultObjectWrapper objectWrapper = wrapper.build();
    config.setObjectWrapper(objectWrapper);
    try {
      // Templates call Escape's static methods directly: there is no second list of escapers.
      config.setSharedVariable("esc", objectWrapper.getStaticModels().get(Escape.class.getName()));
    } catch (freemarker.template.TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Renders {@code templates/<name>}; a template error is a labforge bug. */
  public String render(String name, Map<String, ?> model) throws RenderException {
    try {
      Template template = config.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException | RuntimeException e) {
      throw new RenderException("templates/" + name, e);
    }
  }
}
