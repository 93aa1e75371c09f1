package dev.labforge.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void suggestsTheNearestKnownNameWithinAFewEdits() {
    List<String> keys = List.of("memory", "cpus", "disk", "disks", "nics");
    assertThat(Suggest.didYouMean("memroy", keys)).isEqualTo("; did you mean 'memory'?");
    assertThat(Suggest.didYouMean("cpu", keys)).isEqualTo("; did you mean 'cpus'?");
    assertThat(Suggest.didYouMean("Memory", keys)).isEqualTo("; did you mean 'memory'?");
    assertThat(Suggest.didYouMean("hostname", keys)).isEmpty();
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
  }
}
