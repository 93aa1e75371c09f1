package dev.labforge.testing;

import dev.labforge.Generator;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The specs every cross-cutting test runs on: the examples plus src/test/resources/specs/. */
public final class Specs {
  public static final Path EXAMPLES = Path.of("examples");
  public static final Path EXTRA = Path.of("src/test/resources/specs");

  private Specs() {}

  /** Every valid spec file, sorted; a new case is a new file. */
  public static List<Path> all() {
    List<Path> specs = new ArrayList<>();
    for (Path dir : List.of(EXAMPLES, EXTRA)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
            .sorted().forEach(specs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return specs;
  }

  public static List<Path> examples() {
    return all().stream().filter(p -> p.startsWith(EXAMPLES)).toList();
  }

  public static String id(Path spec) {
    String name = spec.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  public static Lab lab(Path spec) {
    try {
      return Rendered.load(SpecInput.file(spec));
    } catch (Exception e) {
      throw new AssertionError("spec " + spec + " should be valid:\n" + e.getMessage(), e);
    }
  }

  /** Every file gen would write for the spec, all targets on. */
  public static List<RenderedFile> render(Path spec) {
    try {
      SpecInput input = SpecInput.file(spec);
      return Rendered.all(Rendered.load(input), input, List.of());
    } catch (Exception e) {
      throw new AssertionError("spec " + spec + " should render:\n" + e.getMessage(), e);
    }
  }

  /** Renders into a fresh folder, as {@code gen -o dir} would, and returns out/<lab>. */
  public static Path generate(Path spec, Path outDir) {
    try {
      SpecInput input = SpecInput.file(spec);
      Lab lab = Rendered.load(input);
      return Rendered.write(outDir, lab.name(), Rendered.all(lab, input, List.of()));
    } catch (Exception e) {
      throw new AssertionError("spec " + spec + " should generate:\n" + e.getMessage(), e);
    }
  }
}
