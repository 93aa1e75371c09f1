package dev.labforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Host-side names never collide: {@link HostNames#join} decodes back to its parts (so it is
 * injective), and over generated (lab, machine, disk) names, mostly dashes and two letters so that
 * the old {@code lab-machine-disk} joins collide all the time, distinct tuples give distinct names
 * in every kind, the cut and hashed ones included.
 */
class HostNamesTest {
  /** Names as the spec allows them (^[a-z][a-z0-9-]{0,62}$), dense in "-" and short or long. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> rest = Arbitraries.strings().withChars("ab-").ofMaxLength(8);
    Arbitrary<String> longRest = Arbitraries.strings().withChars("ab-1").ofMinLength(40).ofMaxLength(62);
    return Combinators.combine(Arbitraries.of('a', 'b'), Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, rest), net.jqwik.api.Tuple.of(1, longRest))).as((first, tail) -> first + tail);
  }

  @Property(tries = 2000)
  void joinDecodesBackToItsParts(@ForAll("names") String lab, @ForAll("names") String machine,
      @ForAll("names") String disk) {
    assertThat(split(HostNames.join(lab, machine), 2)).containsExactly(lab, machine);
    assertThat(split(HostNames.join(lab, machine, disk), 3)).containsExactly(lab, machine, disk);
  }

  @Property(tries = 300)
  void distinctTuplesGetDistinctNames(@ForAll("tuples") List<List<String>> tuples) {
    Map<String, List<String>> machines = new HashMap<>();
    Map<String, List<String>> networks = new HashMap<>();
    Map<String, List<String>> bridges = new HashMap<>();
    Map<String, List<String>> volumes = new HashMap<>();
    for (List<String> t : tuples) {
      List<String> pair = t.subList(0, 2);
      assertUnique(machines, HostNames.machine(t.get(0), t.get(1)), pair);
      assertUnique(networks, HostNames.network(t.get(0), t.get(1)), pair);
      assertUnique(bridges, HostNames.bridge(t.get(0), t.get(1)), pair);
      assertUnique(volumes, HostNames.volume(t.get(0), t.get(1), t.get(2)), t);
      assertThat(HostNames.machine(t.get(0), t.get(1))).hasSizeLessThanOrEqualTo(63).matches("[a-z][a-z0-9-]*");
      assertThat(HostNames.volume(t.get(0), t.get(1), t.get(2))).hasSizeLessThanOrEqualTo(63);
      assertThat(HostNames.bridge(t.get(0), t.get(1))).hasSizeLessThanOrEqualTo(15).matches("[a-z][a-z0-9-]*");
      assertThat(HostNames.prefix(t.get(0)) + t.get(1)).isEqualTo(HostNames.join(t.get(0), t.get(1)));
    }
  }

  @Provide
  Arbitrary<List<List<String>>> tuples() {
    return names().list().ofSize(3).list().ofMinSize(2).ofMaxSize(40);
  }

  /** The red team's pairs, and names that read as before where the lab's name has no "-". */
  @Test
  void theRedTeamsPairsGetTwoNames() {
    // one lab: machine a with disk b-c, machine a-b with disk c (one LXD volume before)
    assertThat(HostNames.volume("lab", "a", "b-c")).isEqualTo("lab-a-b-c");
    assertThat(HostNames.volume("lab", "a-b", "c")).isEqualTo("lab-a--b-c");
    // two labs: lab a-b machine c, lab a machine b-c (one domain, instance, network before)
    assertThat(HostNames.machine("a-b", "c")).isEqualTo("a--b-c");
    assertThat(HostNames.machine("a", "b-c")).isEqualTo("a-b-c");
    assertThat(HostNames.network("a-b", "c")).isNotEqualTo(HostNames.network("a", "b-c"));
    assertThat(HostNames.bridge("a-b", "c")).isEqualTo("a--b-c");
    assertThat(HostNames.bridge("a", "b-c")).isEqualTo("a-b-c");
    assertThat(HostNames.machine("rtlab", "web-1")).isEqualTo("rtlab-web-1");
    assertThat(HostNames.machine("lpic3-353", "cloud")).isEqualTo("lpic3--353-cloud");
    assertThat(HostNames.image("lab", "debian-12")).isEqualTo("lab-debian-12");
  }

  @Test
  void aNameTooLongIsCutAndHashed() {
    String name = HostNames.machine("a".repeat(60), "b".repeat(60));
    assertThat(name).hasSize(63).startsWith("a".repeat(50)).matches("a{50}-[0-9][0-9a-f]{11}");
    assertThat(HostNames.machine("a".repeat(60), "b".repeat(59))).isNotEqualTo(name).hasSize(63);
    assertThat(HostNames.bridge("lxd-lab", "containers")).matches("lx-[0-9][0-9a-f]{11}");
    // a cut never leaves a dash run before the hash
    assertThat(HostNames.machine("a".repeat(49) + "-", "b".repeat(60))).matches("a{49}-[0-9][0-9a-f]{11}");
  }

  /**
   * A cut name decodes to a lab part and a "part" that starts with a digit, which no spec name
   * does: so it is never another lab's plain name (the red team made lab "lf" network
   * "e145238d4789" to meet a hashed bridge "lf-e145238d4789", and a 17-letter lab with a machine
   * named after the hash to meet a cut domain name).
   */
  @Property(tries = 500)
  void aCutNameIsNeverAPlainOne(@ForAll("names") String lab, @ForAll("names") String machine,
      @ForAll("names") String disk) {
    for (String name : List.of(HostNames.machine(lab, machine), HostNames.network(lab, machine),
        HostNames.bridge(lab, machine), HostNames.volume(lab, machine, disk))) {
      List<String> parts = split(name, 2);
      boolean plain = name.equals(HostNames.join(lab, machine)) || name.equals(HostNames.join(lab, machine, disk));
      assertThat(Character.isLetter(parts.get(1).charAt(0))).as("%s decodes to %s", name, parts).isEqualTo(plain);
    }
  }

  @Test
  void theRedTeamsForgedNamesDoNotMeetTheCutOnes() {
    String longLab = "a" + "-a".repeat(31);
    String bridge = HostNames.bridge(longLab, "lan1");
    List<String> forged = split(bridge, 2);
    assertThat(forged.get(1)).matches("[0-9].*"); // no spec name starts with a digit
    String domain = HostNames.machine(longLab, "c");
    assertThat(split(domain, 2).get(1)).matches("[0-9].*");
    assertThat(HostNames.network(longLab, "n".repeat(63))).hasSizeLessThanOrEqualTo(63);
  }

  private static void assertUnique(Map<String, List<String>> seen, String name, List<String> tuple) {
    List<String> before = seen.putIfAbsent(name, tuple);
    assertThat(before == null || before.equals(tuple)).as("%s and %s both give %s", before, tuple, name).isTrue();
  }

  /**
   * The inverse of join: the first run of an odd number of dashes ends a part (its last dash is the
   * separator), every other run is a part's own dashes doubled; the last part is taken as it is.
   */
  static List<String> split(String name, int parts) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int i = 0;
    while (out.size() < parts - 1) {
      char c = name.charAt(i);
      if (c != '-') {
        part.append(c);
        i++;
        continue;
      }
      int run = 0;
      while (name.charAt(i + run) == '-') {
        run++;
      }
      part.append("-".repeat(run / 2));
      i += run;
      if (run % 2 == 1) {
        out.add(part.toString());
        part.setLength(0);
      }
    }
    out.add(name.substring(i));
    return out;
  }
}
