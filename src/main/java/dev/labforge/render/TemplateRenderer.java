package dev.labforge.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single FreeMarker configuration. Templates live in the jar under {@code templates/}; each gets
 * one view, a record of raw values Java computed, whose components are the template's top-level
 * names, and escapes through {@code esc.*} ({@link Escape}). A view is a record, never a map: its
 * names are declared in one place, the compiler checks them, and docs/templates.md can list them.
 */
public final class TemplateRenderer {
  private final Configuration config;
  private final Path overrides;
  private final Spool spool;

  public TemplateRenderer() {
    this(null);
  }

  /**
   * With {@code overrides} (a folder laid out like {@code templates/}, or null), a file there
   * replaces the built-in template of the same name, includes too.
   */
  public TemplateRenderer(Path overrides) {
    this.overrides = overrides;
    this.spool = null;
    config = new Configuration(Configuration.VERSION_2_3_34);
    ClassTemplateLoader builtIn = new ClassTemplateLoader(TemplateRenderer.class.getClassLoader(), "templates");
    if (overrides == null) {
      config.setTemplateLoader(builtIn);
    } else {
      try {
        config.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
            new FileTemplateLoader(overrides.toFile()), builtIn}));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
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
    // A template (a user's too: --templates) creates no Java object and sees no Java API: ?new and ?api
    // are off, and TemplateMemberAccess leaves only labforge's values and the escapers callable.
    // ?eval and ?interpret run under this same configuration, so they reach nothing more.
    config.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setExposeFields(false);
    wrapper.setMemberAccessPolicy(new TemplateMemberAccess());
    freemarker.template.DefaultObjectWrapper objectWrapper = wrapper.build();
    config.setObjectWrapper(objectWrapper);
    try {
      // Templates call Escape's static methods directly: there is no second list of escapers.
      config.setSharedVariable("esc", objectWrapper.getStaticModels().get(Escape.class.getName()));
    } catch (freemarker.template.TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  private TemplateRenderer(TemplateRenderer templates, Spool spool) {
    this.config = templates.config;
    this.overrides = templates.overrides;
    this.spool = spool;
  }

  /** These templates, with every big file {@link #file} renders spooled to {@code spool} instead of held. */
  public TemplateRenderer spooling(Spool spool) {
    return new TemplateRenderer(this, spool);
  }

  /**
   * The user's file behind a failure, when the failing template (the origin {@code templates/<name>},
   * or the template FreeMarker names in the cause) is one of the overrides: then it is a user error.
   */
  public Optional<Path> overrideBehind(RenderException e) {
    if (overrides == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    if (e.origin() != null && e.origin().startsWith("templates/")) {
      names.add(e.origin().substring("templates/".length()));
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof TemplateException te && te.getTemplateSourceName() != null) {
        names.add(0, te.getTemplateSourceName());
      }
    }
    return names.stream().map(overrides::resolve).filter(Files::isRegularFile).findFirst();
  }

  /** Renders {@code templates/<name>}; a template error is a labforge bug. */
  public String render(String name, Record view) throws RenderException {
    try {
      Template template = config.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(view, out);
      return out.toString();
    } catch (IOException | TemplateException | RuntimeException e) {
      throw new RenderException("templates/" + name, e);
    }
  }

  /**
   * Renders {@code templates/<name>} as UTF-8, the bytes of {@link #render} without the text in
   * between: for a file that may be big (one that lists the whole lab).
   */
  public byte[] renderUtf8(String name, Record view) throws RenderException {
    try {
      Template template = config.getTemplate(name);
      Utf8Chunks chunks = new Utf8Chunks();
      process(template, view, chunks);
      if (chunks.size() <= Utf8Chunks.COPY_LIMIT) {
        return chunks.toByteArray();
      }
      // a file that lists the whole lab (a 10,000-machine preseed is 30 MB): rendered again straight
      // into an array of its size, so that the chunks and their copy are never held together
      Utf8Chunks.Exact exact = new Utf8Chunks.Exact(chunks.size());
      chunks = null;
      try {
        process(template, view, exact);
        return exact.array();
      } catch (Utf8Chunks.Resized e) {
        // a user's template that renders differently each time (${.now}): its text is what a
        // third rendering gives, as it would have been with one
        Utf8Chunks again = new Utf8Chunks();
        process(template, view, again);
        return again.toByteArray();
      }
    } catch (IOException | TemplateException | RuntimeException e) {
      throw new RenderException("templates/" + name, e);
    }
  }

  /**
   * Renders {@code templates/<name>} into the file {@code path}: for a file that may be big (one that
   * lists the whole lab). With a {@link Spool}, one over {@link Spool#IN_MEMORY} bytes goes to disk as
   * it is rendered; without one, it is the bytes of {@link #renderUtf8}.
   */
  public RenderedFile file(String path, String name, Record view, Format format, String schema)
      throws RenderException {
    String origin = "templates/" + name;
    if (spool == null) {
      return new RenderedFile(path, renderUtf8(name, view), origin, format, schema);
    }
    Spool.Output out = spool.open();
    try {
      process(config.getTemplate(name), view, out);
      return out.finish(path, origin, format, schema);
    } catch (IOException | TemplateException | RuntimeException e) {
      out.discard();
      if (out.failure() != null) {
        throw new SpoolWriteException(origin, out.failure());
      }
      throw new RenderException(origin, e);
    }
  }

  private static void process(Template template, Record view, java.io.OutputStream bytes)
      throws IOException, TemplateException {
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      template.process(view, out);
    }
  }
}
