package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.schema.Schemas;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import dev.labforge.testing.Rendered;
import dev.labforge.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What adding a target means: ConventionTest fails until every piece is there. */
class ConventionTest {
  static final Path TEMPLATES = Path.of("templates");
  static final Path SCHEMAS = Path.of("schemas");

  static final Path SPEC_SCHEMA = SCHEMAS.resolve("lab-spec.schema.json");

  /**
   * A registered target has: templates, schemas (exactly the ones it declares), a golden folder
   * for every example, docs/targets/<id>.md, at least one tool check, a settings record that reads
   * an empty node, and a described settings entry in the spec schema.
   */
  @Test
  void everyTargetIsComplete() throws IOException {
    assertThat(new HashSet<>(Targets.ids())).hasSameSizeAs(Targets.ids());
    JsonNode specSchema = new ObjectMapper().readTree(SPEC_SCHEMA.toFile());
    for (Target target : Targets.ALL) {
      String id = target.id();
      assertThat(files(TEMPLATES.resolve(id), ".ftl")).as("templates/%s/*.ftl", id).isNotEmpty();
      assertThat(files(SCHEMAS.resolve(id), ".schema.json")).as("schemas/%s/*.schema.json", id).isNotEmpty();
      for (Path spec : Specs.examples()) {
        Path golden = GoldenTest.GOLDEN.resolve(Specs.id(spec)).resolve(id);
        assertThat(golden).as("golden output of %s for %s", id, spec).isDirectory();
      }
      assertThat(Path.of("docs/targets/" + id + ".md")).as("docs/targets/%s.md", id).isRegularFile();
      assertThat(target.checks()).as("tool checks of %s", id).isNotEmpty();
      assertThat(target.settings(com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
          .as("settings of %s from an empty spec", id).isNotNull();
      JsonNode entry = resolve(specSchema, specSchema.path("properties").path("targets").path("properties").path(id));
      assertThat(entry.isObject()).as("spec schema /properties/targets/properties/%s", id).isTrue();
      assertThat(entry.path("description").asText()).as("description of the %s settings", id).isNotBlank();
      assertThat(entry.path("properties").path("enabled").isObject()).as("%s settings have 'enabled'", id).isTrue();
      entry.path("properties").fields().forEachRemaining(e -> assertThat(e.getValue().path("description").asText())
          .as("description of targets.%s.%s", id, e.getKey()).isNotBlank());
      for (String required : target.requires()) {
        assertThat(Targets.ids()).as("%s requires %s", id, required).contains(required);
      }
    }
    List<String> entries = new ArrayList<>();
    specSchema.path("properties").path("targets").path("properties").fieldNames().forEachRemaining(entries::add);
    assertThat(entries).as("settings entries in the spec schema").containsExactlyElementsOf(Targets.ids());
  }

  /** Every class named *Check is a tool check of labforge check; "check" means nothing else. */
  @Test
  void onlyToolChecksAreNamedCheck() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path source : files(Path.of("src/main/java"), "Check.java")) {
      String text = Files.readString(source);
      if (!text.contains("implements ToolCheck") && !source.endsWith("ToolCheck.java")) {
        wrong.add(source.toString());
      }
    }
    assertThat(wrong).as("classes named *Check that are not tool checks").isEmpty();
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
  }

  @Test
  void everyTemplateIsUsedAndEveryTemplatedFileNamesAnExistingTemplate() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path spec : Specs.all()) {
      for (RenderedFile file : Specs.render(spec)) {
        if (file.origin().startsWith("templates/")) {
          assertThat(Path.of(file.origin())).as("origin of %s", file.path()).isRegularFile();
          used.add(file.origin());
        }
      }
    }
    List<String> all = new ArrayList<>();
    for (Path template : files(TEMPLATES, ".ftl")) {
      all.add(template.toString().replace('\\', '/'));
    }
    assertThat(used).as("templates used by some spec").containsExactlyInAnyOrderElementsOf(
        all.stream().filter(t -> !t.contains("/include/")).toList());
  }

  /** The targets declare exactly the schemas packed under schemas/<id>/. */
  @Test
  void targetsDeclareExactlyThePackedSchemas() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    for (Path schema : files(SCHEMAS, ".schema.json")) {
      String name = SCHEMAS.relativize(schema).toString().replace('\\', '/');
      onDisk.add(name.substring(0, name.length() - ".schema.json".length()));
    }
    onDisk.remove("lab-spec");
    onDisk.remove("manifest");
    assertThat(new TreeSet<>(Targets.schemas())).isEqualTo(onDisk);
    for (Target target : Targets.ALL) {
      assertThat(target.schemas()).as("schemas of %s", target.id()).allMatch(n -> n.startsWith(target.id() + "/"));
    }
  }

  /**
   * A target checks its files only against schemas it declares: each rendered file's schema is one
   * of its {@code schemas()}, and no source under targets/ writes a schema path itself (each comes
   * from {@code Schemas.resource} of a declared name).
   */
  @Test
  void aTargetChecksItsFilesOnlyAgainstTheSchemasItDeclares() throws Exception {
    TemplateRenderer templates = new TemplateRenderer();
    for (Path spec : Specs.all()) {
      Lab lab = Specs.lab(spec);
      for (Target target : Targets.ALL) {
        Set<String> declared = new TreeSet<>(target.schemas().stream().map(Schemas::resource).toList());
        for (RenderedFile file : Rendered.of(target, lab, templates)) {
          if (file.schema() != null) {
            assertThat(declared).as("%s's schemas (%s of %s)", target.id(), file.path(), spec).contains(file.schema());
          }
        }
      }
    }
    List<String> written = new ArrayList<>();
    for (Path source : files(Path.of("src/main/java/dev/labforge/targets"), ".java")) {
      if (Files.readString(source).contains("\"schemas/")) {
        written.add(source.toString());
      }
    }
    assertThat(written).as("sources that write a schema path instead of Schemas.resource(a declared name)").isEmpty();
  }

  @Test
  void everySchemaPropertyIsDocumented() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path schema : files(SCHEMAS, ".schema.json")) {
      JsonNode root = new ObjectMapper().readTree(schema.toFile());
      assertThat(root.path("$schema").asText()).as("%s dialect", schema)
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      walk(root, schema + "#", missing);
    }
    assertThat(missing).as("properties without a description").isEmpty();
  }

  private static void walk(JsonNode node, String at, List<String> missing) {
    if (!node.isObject()) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      properties.fields().forEachRemaining(e -> {
        JsonNode p = e.getValue();
        // a false schema forbids a key (in a conditional); the key is described where it is defined
        if (!p.has("description") && !p.has("$ref") && !p.isBoolean()) {
          missing.add(at + "/properties/" + e.getKey());
        }
      });
    }
    node.fields().forEachRemaining(e -> {
      if (e.getKey().equals("if")) {
        return; // a condition's properties are tests, not keys a user writes
      }
      if (e.getValue().isObject()) {
        walk(e.getValue(), at + "/" + e.getKey(), missing);
      } else if (e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          walk(e.getValue().get(i), at + "/" + e.getKey() + "/" + i, missing);
        }
      }
    });
  }

  /** Surefire's default includes (the pom sets none): a class named otherwise is never run. */
  static final java.util.regex.Pattern SUREFIRE_RUNS =
      java.util.regex.Pattern.compile("Test[^/]*|[^/]*Test|[^/]*Tests|[^/]*TestCase");
  static final java.util.regex.Pattern DECLARES_TESTS = java.util.regex.Pattern.compile(
      "@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

  @Test
  void everyClassThatDeclaresTestsIsOneSurefireRuns() throws IOException {
    List<String> skipped = new ArrayList<>();
    for (Path source : files(Path.of("src/test/java"), ".java")) {
      String name = source.getFileName().toString().replace(".java", "");
      if (DECLARES_TESTS.matcher(Files.readString(source)).find() && !SUREFIRE_RUNS.matcher(name).matches()) {
        skipped.add(source.toString());
      }
    }
    assertThat(skipped).as("test classes Surefire would never run; name them *Test").isEmpty();
  }

  static final Path TARGET_SOURCES = Path.of("src/main/java/dev/labforge/targets");

  /** Every class compiled from {@code targets/}, nested ones too, by binary name. */
  static List<Class<?>> targetClasses() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target/classes");
    List<Class<?>> found = new ArrayList<>();
    for (Path file : files(classes.resolve("dev/labforge/targets"), ".class")) {
      String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
      found.add(Class.forName(name, false, ConventionTest.class.getClassLoader()));
    }
    return found;
  }

  /**
   * One view shape: a template's view is a record of raw values. The renderer takes nothing else,
   * and every {@code *View} type of a target is a record with no map among its components (a map's
   * keys are names nobody declares: a typo in a template meets them only at run time).
   */
  @Test
  void everyViewIsARecordOfNamedValues() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (java.lang.reflect.Method m : dev.labforge.render.TemplateRenderer.class.getMethods()) {
      if (List.of("render", "renderUtf8", "file").contains(m.getName())
          && Stream.of(m.getParameterTypes()).noneMatch(t -> t == Record.class)) {
        wrong.add("TemplateRenderer." + m.getName() + " takes no Record view: " + List.of(m.getParameterTypes()));
      }
    }
    for (Class<?> c : targetClasses()) {
      if (!c.getSimpleName().endsWith("View")) {
        continue;
      }
      if (!c.isRecord()) {
        wrong.add(c.getName() + " is not a record");
        continue;
      }
      for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
        if (java.util.Map.class.isAssignableFrom(rc.getType())) {
          wrong.add(c.getName() + "." + rc.getName() + " is a map");
        }
      }
    }
    assertThat(wrong).as("views that are not records of named values").isEmpty();
  }

  /** All escaping is in templates, through esc (render/Escape): a target's Java holds raw values only. */
  @Test
  void noTargetEscapesInJava() throws IOException {
    List<String> escaping = new ArrayList<>();
    for (Path source : files(TARGET_SOURCES, ".java")) {
      if (java.util.regex.Pattern.compile("\\bEscape\\b").matcher(Files.readString(source)).find()) {
        escaping.add(source.toString());
      }
    }
    assertThat(escaping).as("target sources that escape in Java instead of in their templates").isEmpty();
  }

  /**
   * One pipeline: a target hands its files to a FileSink as it makes them ({@code render(Lab,
   * TemplateRenderer, FileSink)}, the only render a Target has), and nothing in labforge takes or
   * returns a lab's files as a list to write or compare them (tests collect the stream with
   * {@code testing/Rendered}).
   */
  @Test
  void everyTargetRendersThroughTheStream() throws Exception {
    List<String> held = new ArrayList<>();
    for (java.lang.reflect.Method m : Target.class.getMethods()) {
      if (m.getName().equals("render") && !List.of(m.getParameterTypes()).equals(List.of(dev.labforge.model.Lab.class,
          dev.labforge.render.TemplateRenderer.class, dev.labforge.render.FileSink.class))) {
        held.add("Target." + m.getName() + List.of(m.getParameterTypes()));
      }
    }
    for (Class<?> c : List.of(Generator.class, dev.labforge.output.TreeWriter.class)) {
      for (java.lang.reflect.Method m : c.getMethods()) {
        boolean listOfFiles = Stream.concat(Stream.of(m.getGenericReturnType()), Stream.of(m.getGenericParameterTypes()))
            .anyMatch(t -> t.getTypeName().equals("java.util.List<" + RenderedFile.class.getName() + ">"));
        if (listOfFiles) {
          held.add(c.getSimpleName() + "." + m.getName());
        }
      }
    }
    for (Target target : Targets.ALL) {
      for (java.lang.reflect.Method m : target.getClass().getDeclaredMethods()) {
        if (m.getName().equals("render") && m.getReturnType() != void.class) {
          held.add(target.getClass().getSimpleName() + ".render returns " + m.getReturnType().getSimpleName());
        }
      }
    }
    assertThat(held).as("a second, held pipeline").isEmpty();
  }

  /**
   * A target writes only what is its own: its id, help line, schema names and settings reader are
   * one {@code About} value, read by Target's default methods, not four methods written again.
   */
  @Test
  void targetsDeclareWhatTheyAreInOneValue() {
    List<String> repeated = new ArrayList<>();
    for (Target target : Targets.ALL) {
      for (java.lang.reflect.Method m : target.getClass().getDeclaredMethods()) {
        if (List.of("id", "summary", "schemas", "settings").contains(m.getName()) && !m.isSynthetic()) {
          repeated.add(target.getClass().getSimpleName() + "." + m.getName());
        }
      }
      assertThat(target.schemas()).as("schemas of %s", target.id()).allMatch(n -> n.startsWith(target.id() + "/"));
    }
    assertThat(repeated).as("methods the Target's About gives").isEmpty();
  }

  /** A template's view is documented for those who override it: every template has its row in docs/templates.md. */
  @Test
  void everyTemplatesViewIsDocumented() throws IOException {
    String docs = Files.readString(Path.of("docs/templates.md"));
    List<String> missing = new ArrayList<>();
    for (Path template : files(TEMPLATES, ".ftl")) {
      String name = TEMPLATES.relativize(template).toString();
      String folder = name.substring(0, name.lastIndexOf('/') + 1);
      boolean documented = docs.contains("| `" + name + "`") || docs.contains(", `" + name + "`")
          || docs.contains("`" + folder + "*.ftl`") || docs.contains("`" + folder + "*.tf.ftl`");
      if (!documented && !name.contains("/include/")) {
        missing.add(name);
      }
    }
    assertThat(missing).as("templates without their view in docs/templates.md").isEmpty();
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /**
   * The shell helpers of every lab.sh live in one library (templates/include/lab-lib.sh, included by each target's
   * lab.sh): a helper defined in a second template file is a copy that drifts.
   */
  @Test
  void everyShellHelperIsDefinedInOneTemplateFile() throws IOException {
    for (String helper : List.of("log", "die", "need", "index_of", "machine_index", "usage_error")) {
      java.util.regex.Pattern definition = java.util.regex.Pattern.compile("(?m)^\\s*" + helper + "\\s*\\(\\)");
      List<String> defining = new ArrayList<>();
      for (Path template : files(TEMPLATES, "")) {
        if (Files.isRegularFile(template) && definition.matcher(Files.readString(template)).find()) {
          defining.add(template.toString().replace('\\', '/'));
        }
      }
      assertThat(defining).as("template files that define %s()", helper).containsExactly("templates/include/lab-lib.sh");
    }
  }
}
