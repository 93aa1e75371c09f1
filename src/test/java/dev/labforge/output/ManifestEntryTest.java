package dev.labforge.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;

/** An entry keeps its digest as numbers and gives back the very hex it was given (leading zeros too). */
class ManifestEntryTest {
  @Property(tries = 300)
  void theDigestComesBackAsItWent(@ForAll @Size(32) byte[] digest, @ForAll long size) {
    String hex = Hex.encodeHexString(digest);
    Manifest.Entry entry = new Manifest.Entry("a/b", hex, size);
    assertThat(entry.sha256()).isEqualTo(hex);
    assertThat(entry).isEqualTo(new Manifest.Entry("a/b", hex, size)).hasSameHashCodeAs(new Manifest.Entry("a/b", hex, size));
  }

  @Test
  void zerosAndDifferences() {
    String zeros = "0".repeat(64);
    assertThat(new Manifest.Entry("p", zeros, 1).sha256()).isEqualTo(zeros);
    assertThat(new Manifest.Entry("p", zeros, 1)).isNotEqualTo(new Manifest.Entry("p", "0".repeat(63) + "1", 1))
        .isNotEqualTo(new Manifest.Entry("q", zeros, 1)).isNotEqualTo(new Manifest.Entry("p", zeros, 2));
    assertThatThrownBy(() -> new Manifest.Entry("p", "abc", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
