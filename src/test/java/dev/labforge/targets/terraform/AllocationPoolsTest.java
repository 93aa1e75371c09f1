package dev.labforge.targets.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.labforge.model.Ips.ip;
import static dev.labforge.model.Ips.subnet;

import dev.labforge.targets.terraform.AllocationPools.Pool;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationPoolsTest {
  @Test
  void leavesOutTheGatewayAndEveryFixedIp() {
    assertThat(AllocationPools.of(subnet("192.168.56.0/24"), ip("192.168.56.1"), Set.of(ip("192.168.56.10"), ip("192.168.56.11"))))
        .containsExactly(new Pool("192.168.56.2", "192.168.56.9"), new Pool("192.168.56.12", "192.168.56.254"));
  }

  @Test
  void handlesReservedAddressesAtBothEndsAndAGatewayAtTheTop() {
    assertThat(AllocationPools.of(subnet("10.0.0.0/29"), ip("10.0.0.6"), Set.of(ip("10.0.0.1"), ip("10.0.0.3"))))
        .containsExactly(new Pool("10.0.0.2", "10.0.0.2"), new Pool("10.0.0.4", "10.0.0.5"));
  }

  @Test
  void aFullNetworkHasNoPool() {
    assertThat(AllocationPools.of(subnet("10.0.0.0/30"), ip("10.0.0.1"), Set.of(ip("10.0.0.2")))).isEmpty();
  }

  @Test
  void addressesOutsideTheCidrDoNotCutThePool() {
    assertThat(AllocationPools.of(subnet("10.0.0.0/29"), ip("10.9.9.9"), Set.of()))
        .containsExactly(new Pool("10.0.0.1", "10.0.0.6"));
  }

  @Test
  void aWideNetworkIsFast() {
    long start = System.nanoTime();
    assertThat(AllocationPools.of(subnet("10.0.0.0/8"), ip("10.0.0.1"), Set.of(ip("10.128.0.0")))).hasSize(2);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }
}
