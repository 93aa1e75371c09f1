package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab bigger than the JVM's heap: one line that says so and how to give more, exit 3, no stack
 * trace, and the previous tree as it was (an output worker that runs out of memory fails the run
 * instead of leaving its file out).
 */
class OutOfMemoryTest {
  @Test
  void aHeapTooSmallForTheLabIsOneLineAndLeavesThePreviousTree(@TempDir Path dir) throws Exception {
    Path small = dir.resolve("small.yaml");
    Path big = dir.resolve("big.yaml");
    Files.writeString(small, ScaleTest.spec(1, 2));
    Files.writeString(big, ScaleTest.spec(4, 500));
    Path out = dir.resolve("out");
    assertThat(Cli.run("gen", small.toString(), "-o", out.toString()).code()).isZero();
    byte[] manifest = Files.readAllBytes(out.resolve("scale/manifest.json"));

    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.labforge.cli.Main", "gen", big.toString(), "-o", out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(log);
    assertThat(p.exitValue()).as(said).isEqualTo(3);
    assertThat(said).contains("labforge: out of memory: the Java heap holds at most ")
        .contains("; give it more with JAVA_OPTS=-Xmx1g (bin/labforge) or java -Xmx1g; nothing was written")
        .doesNotContain("Exception", "\tat ");
    assertThat(out.resolve("scale/manifest.json")).hasBinaryContent(manifest);
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(".scale.lock", "scale");
    }
  }
}
