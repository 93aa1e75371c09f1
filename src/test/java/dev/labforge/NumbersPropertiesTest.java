package dev.labforge;

import dev.labforge.testing.Rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.labforge.cli.Cli;
import dev.labforge.cli.ExitCodes;
import dev.labforge.model.Lab;
import dev.labforge.model.Machine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Numbers are read exactly: whatever number a numeric key is given, in YAML or JSON, with a
 * fraction, an exponent or more digits than a long holds, the lab either takes exactly that value
 * or refuses it with errors located at that key. Never a default in its place, never an internal
 * error (a 2048.0 disk once ended in exit 3, a 4096.0 memory in a silent 1 GiB).
 */
class NumbersPropertiesTest {
  /** A numeric key: where it goes in the spec, its bounds, and how the model shows its value. */
  enum Key {
    CPUS("cpus", 1, 256, m -> m.cpus()),
    MEMORY("memory", 256, 1024L * 1024, Machine::memoryMib),
    DISK("disk", 1024, 64L * 1024 * 1024, Machine::diskMib),
    SIZE("size", 1024, 64L * 1024 * 1024, m -> m.disks().get(0).sizeMib()),
    COUNT("count", 1, 1000, null);

    final String name;
    final long min;
    final long max;
    final ToLongFunction<Machine> value;

    Key(String name, long min, long max, ToLongFunction<Machine> value) {
      this.name = name;
      this.min = min;
      this.max = max;
      this.value = value;
    }

    String pointer() {
      return this == SIZE ? "/machines/0/disks/0/size" : "/machines/0/" + name;
    }

    String yaml(String number) {
      return this == SIZE ? "    disks: [{name: d, size: " + number + "}]\n" : "    " + name + ": " + number + "\n";
    }

    String json(String number) {
      return this == SIZE ? ", \"disks\": [{\"name\": \"d\", \"size\": " + number + "}]" : ", \"" + name + "\": " + number;
    }
  }

  static final String YAML = "version: 1\nname: num\nimages:\n  deb:\n    os: debian\n    release: \"12\"\n"
      + "    source: {url: \"https://example.org/d.qcow2\", format: qcow2}\n"
      + "networks:\n  - {name: net, cidr: 10.1.0.0/16}\nmachines:\n  - name: a\n    image: deb\n";
  static final int KEY_LINE = 13;
  static final String JSON = "{\"version\": 1, \"name\": \"num\", \"images\": {\"deb\": {\"os\": \"debian\", \"release\": \"12\","
      + " \"source\": {\"url\": \"https://example.org/d.qcow2\", \"format\": \"qcow2\"}}},\n"
      + "\"networks\": [{\"name\": \"net\", \"cidr\": \"10.1.0.0/16\"}],\n\"machines\": [{\"name\": \"a\", \"image\": \"deb\"\n%s}]}\n";

  /** Numbers as JSON writes them (YAML reads each the same): a sign, digits, a fraction, an exponent. */
  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> sign = Arbitraries.of("", "", "", "-");
    Arbitrary<String> whole = Arbitraries.oneOf(
        Arbitraries.of("0", "1", "256", "257", "1000", "1001", "1024", "4096", "8000", "20480", "65536",
            "9223372036854775807", "9223372036854775808", "18446744073709551616"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30).filter(s -> !s.startsWith("0")));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(".0", ".00", ".5", ".25"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(d -> "." + d));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"), Arbitraries.integers().between(0, 40))
            .as((e, s, n) -> e + s + n),
        Arbitraries.of("e400", "e-400", "e999999999"));
    return Combinators.combine(sign, whole, fraction, exponent).as((s, w, f, e) -> s + w + f + e);
  }

  @Property(tries = 400)
  void aNumberIsTakenExactlyOrRefusedWhereItStands(@ForAll("numbers") String number, @ForAll Key key,
      @ForAll boolean json) {
    byte[] spec = (json ? String.format(JSON, key.json(number)) : YAML + key.yaml(number))
        .getBytes(StandardCharsets.UTF_8);
    SpecInput input = new SpecInput(json ? "lab.json" : "lab.yaml", spec, null);
    BigDecimal exact = new BigDecimal(number);
    boolean whole = exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
    boolean fits = whole && exact.compareTo(BigDecimal.valueOf(key.min)) >= 0
        && exact.compareTo(BigDecimal.valueOf(key.max)) <= 0;
    if (fits) {
      Lab lab = load(input);
      long expected = exact.longValueExact();
      if (key == Key.COUNT) {
        assertThat(lab.machines()).hasSize((int) expected);
      } else {
        assertThat(key.value.applyAsLong(lab.machines().get(0))).as(number).isEqualTo(expected);
      }
      return;
    }
    Generator.InvalidSpecException refused = catchThrowableOfType(() -> Rendered.load(input),
        Generator.InvalidSpecException.class);
    assertThat(refused).as("%s: %s is refused", key.name, number).isNotNull();
    assertThat(refused.diagnostics().sorted()).isNotEmpty().allSatisfy(d -> {
      assertThat(d.pointer()).as(d.where() + d.what()).isEqualTo(key.pointer());
      assertThat(d.line()).as(d.where() + d.what()).isEqualTo(json ? 4 : KEY_LINE);
    });
  }

  /** The reproducers, through the command line: exit 1 with a located error, or taken exactly. */
  @Example
  void theRedTeamsNumbersAreTakenOrRefusedNeverAnInternalError() throws Exception {
    Path dir = Files.createTempDirectory("labforge-numbers");
    for (String line : new String[] {"    disks: [{name: d, size: 1e30}]", "    disks: [{name: d, size: 9223372036854775808}]",
        "    memory: 4096.5", "    memory: -4096"}) {
      Path file = Files.writeString(dir.resolve("lab.yaml"), YAML + line + "\n");
      Cli.Result r = Cli.run("validate", file.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID);
      assertThat(r.err()).startsWith(file + ":13:");
    }
    Files.writeString(dir.resolve("lab.yaml"), YAML + "    memory: 8e3\n    disk: 20480.0\n    disks: [{name: d, size: 2048.0}]\n");
    Machine m = load(new SpecInput("lab.yaml", Files.readAllBytes(dir.resolve("lab.yaml")), dir)).machines().get(0);
    assertThat(m.memoryMib()).isEqualTo(8000);
    assertThat(m.diskMib()).isEqualTo(20480);
    assertThat(m.disks().get(0).sizeMib()).isEqualTo(2048);
  }

  private static Lab load(SpecInput input) {
    try {
      return Rendered.load(input);
    } catch (Generator.InvalidSpecException e) {
      throw new AssertionError(e.diagnostics().format(), e);
    }
  }
}
