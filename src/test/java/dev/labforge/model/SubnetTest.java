package dev.labforge.model;

import static dev.labforge.model.Ips.ip;
import static dev.labforge.model.Ips.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.spec.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The model's address arithmetic, by example at the edges (/30, /31, /32, /0) and as properties
 * against an oracle that knows only division: a subnet of prefix p is the block of 2^(32-p)
 * addresses that holds it.
 */
class SubnetTest {
  private static final long SPACE = 1L << 32;

  @Test
  void aSlash24() {
    Subnet s = subnet("192.168.56.0/24");
    assertThat(s).hasToString("192.168.56.0/24");
    assertThat(s.netmask()).hasToString("255.255.255.0");
    assertThat(s.broadcast()).hasToString("192.168.56.255");
    assertThat(s.defaultGateway()).hasToString("192.168.56.1");
    assertThat(s.firstHost()).hasToString("192.168.56.1");
    assertThat(s.lastHost()).hasToString("192.168.56.254");
    assertThat(s.hostCount()).isEqualTo(254);
    assertThat(s.host(10)).hasToString("192.168.56.10");
    // libvirt's DHCP range: the upper half, as its network files have always had it
    assertThat(s.dhcpRange()).hasToString("192.168.56.128-192.168.56.254");
    assertThat(s.contains(ip("192.168.56.77"))).isTrue();
    assertThat(s.contains(ip("192.168.57.0"))).isFalse();
    assertThat(s.contains(subnet("192.168.56.128/25"))).isTrue();
    assertThat(s.contains(subnet("192.168.0.0/16"))).isFalse();
    assertThat(ip("192.168.56.1").withPrefix(24)).isEqualTo("192.168.56.1/24");
  }

  @Test
  void theSmallestLabNetworkASlash30() {
    Subnet s = subnet("10.0.0.0/30");
    assertThat(s.hosts().map(Address::toString)).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(s.broadcast()).hasToString("10.0.0.3");
    assertThat(s.dhcpRange()).hasToString("10.0.0.2-10.0.0.2");
  }

  @Test
  void aSlash31HasTwoHostsAndASlash32One() {
    Subnet p2p = subnet("10.0.0.4/31");
    assertThat(p2p.netmask()).hasToString("255.255.255.254");
    assertThat(p2p.broadcast()).hasToString("10.0.0.5");
    assertThat(p2p.hosts().map(Address::toString)).as("RFC 3021: no network or broadcast address").containsExactly("10.0.0.4", "10.0.0.5");
    assertThat(p2p.dhcpRange()).hasToString("10.0.0.5-10.0.0.5");
    Subnet one = subnet("10.0.0.7/32");
    assertThat(one.netmask()).hasToString("255.255.255.255");
    assertThat(one.broadcast()).hasToString("10.0.0.7");
    assertThat(one.hosts().map(Address::toString)).containsExactly("10.0.0.7");
    assertThat(one.hostCount()).isEqualTo(1);
    assertThat(one.contains(ip("10.0.0.7"))).isTrue();
    assertThat(one.contains(ip("10.0.0.6"))).isFalse();
    assertThat(one.freeRanges(Set.of(ip("10.0.0.7")))).isEmpty();
    assertThat(one.highestFreeHost(Set.of(ip("10.0.0.7")))).isEmpty();
  }

  @Test
  void theWholeSpace() {
    Subnet all = subnet("0.0.0.0/0");
    assertThat(all.netmask()).hasToString("0.0.0.0");
    assertThat(all.broadcast()).hasToString("255.255.255.255");
    assertThat(all.contains(ip("255.255.255.255"))).isTrue();
    assertThat(all.contains(subnet("10.0.0.0/8"))).isTrue();
    assertThat(all.size()).isEqualTo(SPACE);
  }

  @Test
  void freeRangesLeaveOutTakenAddressesAndIgnoreOnesOutside() {
    Subnet s = subnet("10.0.0.0/29");
    assertThat(s.freeRanges(List.of(ip("10.0.0.6"), ip("10.0.0.1"), ip("10.0.0.3"), ip("10.9.9.9"))))
        .extracting(AddressRange::toString).containsExactly("10.0.0.2-10.0.0.2", "10.0.0.4-10.0.0.5");
    assertThat(s.highestFreeHost(Set.of(ip("10.0.0.6")))).contains(ip("10.0.0.5"));
  }

  @Test
  void runsJoinConsecutiveAddresses() {
    assertThat(AddressRange.runs(List.of(ip("10.0.0.5"), ip("10.0.0.3"), ip("10.0.0.4"), ip("10.0.0.9"))))
        .extracting(AddressRange::toString).containsExactly("10.0.0.3-10.0.0.5", "10.0.0.9-10.0.0.9");
    assertThat(AddressRange.runs(List.of())).isEmpty();
  }

  @Test
  void noValueOutsideIpv4() {
    assertThatThrownBy(() -> new Address(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Address(SPACE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.of(1, 2, 3, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Subnet(ip("10.0.0.5"), 24)).hasMessage("10.0.0.5/24 has host bits set");
    assertThatThrownBy(() -> Subnet.of(ip("10.0.0.5"), 33)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subnet("10.0.0.0/30").host(3)).hasMessage("10.0.0.0/30 has no host 3");
  }

  @Property(tries = 500)
  void arithmeticAgreesWithDivision(@ForAll @LongRange(min = 0, max = 0xffffffffL) long any,
      @ForAll @IntRange(min = 0, max = 32) int prefix, @ForAll @LongRange(min = 0, max = 0xffffffffL) long other) {
    long size = SPACE >> prefix;
    long network = any / size * size;
    Subnet s = Subnet.of(new Address(any), prefix);
    assertThat(s.network().value()).isEqualTo(network);
    assertThat(s.size()).isEqualTo(size);
    assertThat(s.broadcast().value()).isEqualTo(network + size - 1);
    assertThat(s.netmask().value()).isEqualTo(SPACE - size);
    assertThat(s.contains(new Address(any))).isTrue();
    assertThat(s.contains(new Address(other))).isEqualTo(other / size == any / size);
    long hosts = size <= 2 ? size : size - 2;
    assertThat(s.hostCount()).isEqualTo(hosts);
    assertThat(s.firstHost().value()).isEqualTo(size <= 2 ? network : network + 1);
    assertThat(s.dhcpRange().size()).isEqualTo(hosts - hosts / 2);
    assertThat(s.dhcpRange().last()).isEqualTo(s.lastHost());
    // the text is what the spec's own syntax reads back
    Ipv4.Cidr read = Ipv4.Cidr.parse(s.toString()).orElseThrow();
    assertThat(read.exact()).isTrue();
    assertThat(read.network()).isEqualTo(network);
    assertThat(read.prefix()).isEqualTo(prefix);
    assertThat(Ipv4.parse(new Address(any).toString())).contains(any);
  }

  @Property(tries = 300)
  void hostsAreEveryAddressButNetworkAndBroadcast(@ForAll @LongRange(min = 0, max = 0xffffffffL) long any,
      @ForAll @IntRange(min = 22, max = 32) int prefix) {
    Subnet s = Subnet.of(new Address(any), prefix);
    long size = s.size();
    List<Long> expected = LongStream.range(s.network().value(), s.network().value() + size)
        .filter(a -> size <= 2 || (a != s.network().value() && a != s.broadcast().value())).boxed().toList();
    assertThat(s.hosts().map(Address::value).toList()).isEqualTo(expected);
    for (int n = 1; n <= expected.size(); n += Math.max(1, expected.size() / 7)) {
      assertThat(s.host(n).value()).isEqualTo(expected.get(n - 1));
    }
  }

  @Property(tries = 300)
  void freeRangesAndTheHighestFreeHostMissOnlyTakenAddresses(@ForAll @IntRange(min = 0, max = 255) int third,
      @ForAll @IntRange(min = 24, max = 32) int prefix, @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 300) Integer> offsets) {
    Subnet s = Subnet.of(Address.of(10, 7, third, 0), prefix);
    Set<Address> taken = new TreeSet<>();
    // some offsets land past the subnet: taken addresses outside it change nothing
    offsets.forEach(o -> taken.add(s.network().plus(o)));
    List<Long> free = s.hosts().filter(a -> !taken.contains(a)).map(Address::value).toList();
    List<AddressRange> ranges = s.freeRanges(taken);
    List<Long> covered = new ArrayList<>();
    ranges.forEach(r -> LongStream.rangeClosed(r.first().value(), r.last().value()).forEach(covered::add));
    assertThat(covered).isEqualTo(free);
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).first().value()).as("fewest ranges: none touches the one before")
          .isGreaterThan(ranges.get(i - 1).last().value() + 1);
    }
    assertThat(s.highestFreeHost(taken).map(Address::value))
        .isEqualTo(free.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(free.get(free.size() - 1)));
    assertThat(AddressRange.runs(free.stream().map(Address::new).toList())).isEqualTo(ranges);
  }

  @Property(tries = 200)
  void addressesOrderByValue(@ForAll @LongRange(min = 0, max = 0xffffffffL) long a,
      @ForAll @LongRange(min = 0, max = 0xffffffffL) long b) {
    assertThat(Integer.signum(new Address(a).compareTo(new Address(b)))).isEqualTo(Long.signum(a - b));
    assertThat(new Address(a).toString())
        .isEqualTo(a / 16_777_216 + "." + a / 65_536 % 256 + "." + a / 256 % 256 + "." + a % 256);
  }
}
