package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages in order: hcl (a language library that names no other labforge class), spec, schema,
 * rules, model, targets (with render, their toolkit), output, cli. No source under src/main/java
 * names a class of a later stage, and render names no target.
 */
class LayerTest {
  static final Path MAIN = Path.of("src/main/java");
  /** Package prefix to stage; the longest matching prefix wins. */
  static final Map<String, Integer> STAGES = Map.of(
      "dev.labforge.hcl", 0,
      "dev.labforge.spec", 1,
      "dev.labforge.schema", 2,
      "dev.labforge.rules", 3,
      "dev.labforge.model", 4,
      "dev.labforge.render", 5,
      "dev.labforge.targets", 5,
      "dev.labforge.output", 6,
      "dev.labforge.cli", 7,
      "dev.labforge", 7);
  static final List<String> NAMES = List.of("hcl", "spec", "schema", "rules", "model", "targets", "output", "cli");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.labforge(?:\\.[a-z][a-z0-9]*)*\\.[A-Z]\\w*");

  @Test
  void noStageNamesALaterOne() throws IOException {
    assertThat(violations()).as("upward references (file -> class)").isEmpty();
  }

  /** Reading and value syntax stay apart from the schema machinery: nothing in spec names the validator. */
  @Test
  void specKnowsNoSchemaValidator() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(MAIN.resolve("dev/labforge/spec"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (Files.readString(file).contains("com.networknt")) {
          found.add(MAIN.relativize(file).toString());
        }
      }
    }
    assertThat(found).as("sources in spec that use the JSON Schema validator (they belong in schema)").isEmpty();
  }

  static List<String> violations() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(MAIN)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
        int from = stage(pkg);
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          String ref = m.group();
          String refPkg = ref.substring(0, ref.lastIndexOf('.'));
          int to = stage(refPkg);
          boolean renderToTarget = pkg.startsWith("dev.labforge.render") && refPkg.startsWith("dev.labforge.targets");
          if (to > from || renderToTarget) {
            out.add(MAIN.relativize(file) + " (" + NAMES.get(from) + ") -> " + ref + " (" + NAMES.get(to) + ")");
          }
        }
      }
    }
    return out;
  }

  static int stage(String pkg) {
    String best = null;
    for (String prefix : STAGES.keySet()) {
      if ((pkg.equals(prefix) || pkg.startsWith(prefix + ".")) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      throw new IllegalStateException("package " + pkg + " has no stage in LayerTest.STAGES");
    }
    return STAGES.get(best);
  }

  /**
   * Addresses are parsed once, into the model's {@code Address} and {@code Subnet}: a target that
   * parsed address text again (or glued "address/prefix" together) would be a second, drifting
   * reading of the spec. Each hit is {@code file:line: text}.
   */
  @Test
  void noTargetParsesAddressText() throws IOException {
    // The ISO 9660 writer splits file paths on '/', never addresses: it is a file-system library
    // that sits in the cloud-init package only because that target is its one user.
    assertThat(addressParsing(MAIN.resolve("dev/labforge/targets")))
        .filteredOn(hit -> !hit.startsWith("dev/labforge/targets/cloudinit/iso/"))
        .as("address text parsed under targets/").isEmpty();
  }

  /** What reads address text: spec.Ipv4 and its Cidr, InetAddress, splitting on '.' or '/', "x/" + prefix. */
  static final List<Pattern> ADDRESS_PARSING = List.of(
      Pattern.compile("\\bIpv4\\b"),
      Pattern.compile("\\b(?:Cidr|Address|Subnet)\\.parse\\b"),
      Pattern.compile("\\bInet[46]?Address\\b"),
      Pattern.compile("\\.split\\(\"(?:\\\\\\\\\\.|\\[\\.\\]|/)"),
      Pattern.compile("\"/\"\\s*\\+\\s*[\\w.()]*\\bprefix\\(\\)"));

  static List<String> addressParsing(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (ADDRESS_PARSING.stream().anyMatch(p -> p.matcher(line).find())) {
            out.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line.strip());
          }
        }
      }
    }
    return out;
  }
}
