package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.model.Machine;
import dev.labforge.testing.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlavorsTest {
  static Machine machine(String name, int cpus, long memoryMib, long diskGib) {
    Machine m = Specs.lab(Specs.examples().get(0)).machines().get(0);
    return Machine.builder().name(name).image(m.image()).cpus(cpus).memoryMib(memoryMib).diskMib(diskGib * 1024)
        .nics(m.nics()).instanceId(m.instanceId()).build();
  }

  @Test
  void theSpecsFlavorWinsByNameThenByBaseName() {
    Map<String, String> configured = Map.of("web", "w.small", "web-2", "w.large");
    assertThat(Flavors.of(machine("web-1", 1, 512, 1), configured)).isEqualTo("w.small");
    assertThat(Flavors.of(machine("web-2", 1, 512, 1), configured)).isEqualTo("w.large");
    assertThat(Flavors.of(machine("web", 64, 512, 1), configured)).isEqualTo("w.small");
    assertThat(Flavors.of(machine("webserver-1", 1, 512, 1), configured)).isEqualTo("m1.tiny");
  }

  @Test
  void otherwiseTheSmallestClassicFlavorThatCoversCpusMemoryAndDisk() {
    assertThat(Flavors.of(machine("a", 1, 512, 1), Map.of())).isEqualTo("m1.tiny");
    assertThat(Flavors.of(machine("a", 1, 513, 1), Map.of())).isEqualTo("m1.small");
    assertThat(Flavors.of(machine("a", 1, 512, 21), Map.of())).isEqualTo("m1.medium");
    assertThat(Flavors.of(machine("a", 2, 1024, 10), Map.of())).isEqualTo("m1.medium");
    assertThat(Flavors.of(machine("a", 4, 8192, 80), Map.of())).isEqualTo("m1.large");
    assertThat(Flavors.of(machine("a", 8, 16384, 160), Map.of())).isEqualTo("m1.xlarge");
  }

  @Test
  void aMachineBiggerThanXlargeGetsADescriptiveName() {
    assertThat(Flavors.of(machine("a", 16, 65536, 10), Map.of())).isEqualTo("labforge.16c.65536m.10g");
    assertThat(Flavors.of(machine("a", 2, 2048, 200), Map.of())).isEqualTo("labforge.2c.2048m.200g");
  }
}
