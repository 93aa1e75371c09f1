package dev.labforge.targets.cloudinit.iso;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A measurement, not a test: time per image of our writer next to
 * {@code xorriso -as mkisofs -V LABEL -R -J} on the same folders.
 * Run: java -cp target/classes:target/test-classes dev.labforge.targets.cloudinit.iso.IsoTiming out/LAB/cloud-init
 */
public final class IsoTiming {
  private IsoTiming() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    List<Path> machines;
    try (Stream<Path> s = Files.list(root)) {
      machines = s.filter(Files::isDirectory).sorted().toList();
    }
    int rounds = 200;
    long ours = 0;
    long theirs = 0;
    int images = 0;
    for (Path m : machines) {
      for (String[] seed : List.of(new String[] {"cidata", ""}, new String[] {"config-2", "config-drive"})) {
        Path folder = seed[1].isEmpty() ? m : m.resolve(seed[1]);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
          for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".iso")).toList()) {
            String rel = folder.relativize(p).toString();
            if (seed[1].isEmpty() && rel.startsWith("config-drive/")) {
              continue;
            }
            files.put(rel, Files.readAllBytes(p));
          }
        }
        for (int i = 0; i < 20; i++) {
          IsoImage.build(seed[0], files);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          IsoImage.build(seed[0], files);
        }
        ours += (System.nanoTime() - t0) / rounds;
        Path stage = Files.createTempDirectory("iso-timing");
        for (var e : files.entrySet()) {
          Path p = stage.resolve(e.getKey());
          Files.createDirectories(p.getParent());
          Files.write(p, e.getValue());
        }
        long t1 = System.nanoTime();
        Process p = new ProcessBuilder("xorriso", "-as", "mkisofs", "-quiet", "-V", seed[0], "-R", "-J",
            "-o", stage.resolve("x.iso").toString(), stage.toString()).inheritIO().start();
        p.waitFor();
        theirs += System.nanoTime() - t1;
        images++;
      }
    }
    System.out.printf("%d images; labforge IsoImage: %.3f ms/image (mean of %d in-JVM builds after warm-up); "
        + "xorriso -as mkisofs -R -J: %.1f ms/image (one process each)%n",
        images, ours / 1e6 / images, rounds, theirs / 1e6 / images);
  }
}
