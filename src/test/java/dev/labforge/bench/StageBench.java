package dev.labforge.bench;

import dev.labforge.testing.Rendered;
import dev.labforge.SpecInput;
import dev.labforge.model.Lab;
import dev.labforge.model.ModelBuilder;
import dev.labforge.output.Manifest;
import dev.labforge.output.OutputValidation;
import dev.labforge.output.TreeWriter;
import dev.labforge.render.RenderedFile;
import dev.labforge.render.TemplateRenderer;
import dev.labforge.targets.cloudinit.iso.IsoImage;
import dev.labforge.rules.SpecRules;
import dev.labforge.spec.Diagnostics;
import dev.labforge.spec.LocatedTree;
import dev.labforge.spec.SpecReader;
import dev.labforge.targets.Target;
import dev.labforge.targets.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The in-process stage benchmark of issue 12: where a {@code gen} spends its time. Each stage is
 * timed on its first run in a fresh JVM ("cold": what one CLI run pays, class loading and schema
 * compilation included) and as the median of later runs ("warm": the work itself).
 *
 * <pre>
 *   mvn -B -q -Pbench -DskipTests verify                        # built-in example
 *   mvn -B -q -Pbench -DskipTests verify -Dbench.spec=lab.yaml -Dbench.runs=5
 * </pre>
 *
 * The ISO row rebuilds every machine's two seed images from the rendered seed files; the
 * cloud-init row already includes that work once.
 */
public final class StageBench {
  private StageBench() {}

  @FunctionalInterface
  private interface Stage {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String specArg = args.length > 0 ? args[0] : System.getProperty("bench.spec", "").strip();
    int runs = Integer.parseInt(args.length > 1 ? args[1] : System.getProperty("bench.runs", "5").strip());
    SpecInput input = specArg.isEmpty() ? SpecInput.example(SpecInput.DEFAULT_EXAMPLE) : SpecInput.file(Path.of(specArg));
    Path out = Files.createTempDirectory("labforge-bench");
    Map<String, long[]> times = new LinkedHashMap<>();
    for (int run = 0; run <= runs; run++) {
      int r = run;
      LocatedTree tree = (LocatedTree) time(times, "read", r, runs, () -> SpecReader.read(input.name(), input.bytes(), input.dir()));
      Diagnostics diagnostics = (Diagnostics) time(times, "check (schema + rules)", r, runs, () -> SpecRules.check(tree));
      if (!diagnostics.isEmpty()) {
        throw new IllegalArgumentException(diagnostics.format());
      }
      Lab lab = (Lab) time(times, "model", r, runs, () -> ModelBuilder.build(tree));
      TemplateRenderer templates = (TemplateRenderer) time(times, "template configuration", r, runs, TemplateRenderer::new);
      List<RenderedFile> files = new ArrayList<>();
      List<String> selected = Targets.ids().stream().filter(id -> lab.targets().enabled(id)).toList();
      for (Target target : Targets.withRequired(selected)) {
        @SuppressWarnings("unchecked")
        List<RenderedFile> rendered = (List<RenderedFile>) time(times, "render " + target.id(), r, runs,
            () -> Rendered.of(target, lab, templates));
        files.addAll(rendered);
      }
      time(times, "ISO images (again, alone)", r, runs, () -> isos(files));
      files.add((RenderedFile) time(times, "manifest", r, runs, () -> Manifest.of(lab.name(), input.name(), input.bytes(), files)));
      files.sort(Comparator.comparing(RenderedFile::path));
      time(times, "output checks (parse back + schemas)", r, runs, () -> {
        OutputValidation.check(files);
        return null;
      });
      time(times, "write (staging + swap)", r, runs, () -> Rendered.write(out, lab.name(), files));
    }
    System.out.printf("%-40s %10s %10s%n", "stage (" + input.name() + ", " + runs + " warm runs)", "cold ms", "warm ms");
    long coldTotal = 0;
    long warmTotal = 0;
    for (Map.Entry<String, long[]> e : times.entrySet()) {
      long[] t = e.getValue();
      long[] warm = Arrays.copyOfRange(t, 1, t.length);
      Arrays.sort(warm);
      long median = warm.length == 0 ? 0 : warm[warm.length / 2];
      coldTotal += t[0];
      warmTotal += median;
      System.out.printf("%-40s %10.1f %10.1f%n", e.getKey(), t[0] / 1e6, median / 1e6);
    }
    System.out.printf("%-40s %10.1f %10.1f%n", "total", coldTotal / 1e6, warmTotal / 1e6);
  }

  private static Object time(Map<String, long[]> times, String stage, int run, int runs, Stage body) throws Exception {
    long start = System.nanoTime();
    Object result = body.run();
    times.computeIfAbsent(stage, k -> new long[runs + 1])[run] += System.nanoTime() - start;
    return result;
  }

  /** Every machine's two seed images, built again from its rendered seed files. */
  private static int isos(List<RenderedFile> files) {
    Map<String, SortedMap<String, byte[]>> nocloud = new TreeMap<>();
    Map<String, SortedMap<String, byte[]>> drive = new TreeMap<>();
    for (RenderedFile f : files) {
      String[] p = f.path().split("/", 3);
      if (p.length < 3 || !p[0].equals("cloud-init") || p[2].endsWith(".iso")) {
        continue;
      }
      if (p[2].startsWith("config-drive/")) {
        drive.computeIfAbsent(p[1], k -> new TreeMap<>()).put(p[2].substring("config-drive/".length()), f.content());
      } else if (!p[2].contains("/")) {
        nocloud.computeIfAbsent(p[1], k -> new TreeMap<>()).put(p[2], f.content());
      }
    }
    int bytes = 0;
    for (SortedMap<String, byte[]> seed : nocloud.values()) {
      bytes += IsoImage.build("cidata", seed).length;
    }
    for (SortedMap<String, byte[]> seed : drive.values()) {
      bytes += IsoImage.build("config-2", seed).length;
    }
    return bytes;
  }
}
