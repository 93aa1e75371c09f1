package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.targets.terraform.AllocationPools.Pool;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationPoolsTest {
  @Test
  void leavesOutTheGatewayAndEveryFixedIp() {
    assertThat(AllocationPools.of("192.168.56.0/24", "192.168.56.1", Set.of("192.168.56.10", "192.168.56.11")))
        .containsExactly(new Pool("192.168.56.2", "192.168.56.9"), new Pool("192.168.56.12", "192.168.56.254"));
  }

  @Test
  void handlesReservedAddressesAtBothEndsAndAGatewayAtTheTop() {
    assertThat(AllocationPools.of("10.0.0.0/29", "10.0.0.6", Set.of("10.0.0.1", "10.0.0.3")))
        .containsExactly(new Pool("10.0.0.2", "10.0.0.2"), new Pool("10.0.0.4", "10.0.0.5"));
  }

  @Test
  void aFullNetworkHasNoPool() {
    assertThat(AllocationPools.of("10.0.0.0/30", "10.0.0.1", Set.of("10.0.0.2"))).isEmpty();
  }

  @Test
  void addressesOutsideTheCidrDoNotCutThePool() {
    assertThat(AllocationPools.of("10.0.0.0/29", "10.9.9.9", Set.of()))
        .containsExactly(new Pool("10.0.0.1", "10.0.0.6"));
  }

  @Test
  void aWideNetworkIsFast() {
    long start = System.nanoTime();
    assertThat(AllocationPools.of("10.0.0.0/8", "10.0.0.1", Set.of("10.128.0.0"))).hasSize(2);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }
}
