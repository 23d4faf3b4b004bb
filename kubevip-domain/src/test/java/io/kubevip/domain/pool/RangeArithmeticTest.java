// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.IpLiterals;
import io.kubevip.domain.address.VipAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeArithmeticTest {

  private static AddressValue a(String text) {
    return AddressValue.of(IpLiterals.parse(text).orElseThrow());
  }

  private static AddressRange r(String first, String last) {
    return new AddressRange(a(first), a(last));
  }

  @Test
  void givenIpv6AcrossTheLongBoundary_whenStepping_thenCarries() {
    assertThat(a("::ffff:ffff:ffff:ffff").next()).isEqualTo(a("0:0:0:1::"));
    assertThat(a("0:0:0:1::").previous()).isEqualTo(a("::ffff:ffff:ffff:ffff"));
    assertThat(a("10.0.0.255").next()).isEqualTo(a("10.0.1.0"));
  }

  @Test
  void givenPrefixes_whenNetworkBounds_thenMasked() {
    assertThat(a("10.1.2.3").networkStart(16)).isEqualTo(a("10.1.0.0"));
    assertThat(a("10.1.2.3").networkEnd(16)).isEqualTo(a("10.1.255.255"));
    assertThat(a("10.1.2.3").networkEnd(0)).isEqualTo(a("255.255.255.255"));
    assertThat(a("fd00::1:2:3").networkStart(64)).isEqualTo(a("fd00::"));
    assertThat(a("fd00::1:2:3").networkEnd(56)).isEqualTo(a("fd00:0:0:ff:ffff:ffff:ffff:ffff"));
    assertThat(a("fd00::1").networkEnd(0)).isEqualTo(AddressValue.max(IpFamily.IPV6));
    assertThat(a("fd00::1").networkStart(128)).isEqualTo(a("fd00::1"));
  }

  @Test
  void givenOverlappingAndAdjacentRanges_whenUnion_thenMergedAndSorted() {
    RangeSet s = RangeSet.union(List.of(r("10.0.0.20", "10.0.0.30"), r("10.0.0.1", "10.0.0.5"), r("10.0.0.6", "10.0.0.8"),
        r("10.0.0.25", "10.0.0.40")));
    assertThat(s.ranges()).containsExactly(r("10.0.0.1", "10.0.0.8"), r("10.0.0.20", "10.0.0.40"));
    assertThat(s.indexOf(a("10.0.0.21"))).isEqualTo(1);
    assertThat(s.indexOf(a("10.0.0.10"))).isEqualTo(-1);
    assertThat(s.contains(a("10.0.0.8"))).isTrue();
    RangeSet top = RangeSet.union(List.of(r("ffff::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), r("ffff::1", "ffff::2")));
    assertThat(top.ranges()).hasSize(1);
  }

  @Test
  void givenValues_whenConvertedToVip_thenRoundTrip() {
    assertThat(a("10.1.2.3").toVip()).isEqualTo(VipAddress.parse("10.1.2.3"));
    assertThat(a("2001:db8::7").toVip()).isEqualTo(VipAddress.parse("2001:db8::7"));
    assertThat(a("2001:db8::7")).hasToString("2001:db8::7");
    assertThat(a("224.0.0.1")).hasToString("224.0.0.1");
    assertThat(a("ff02::1")).hasToString("ff02:0:0:0:0:0:0:1");
  }

  @Test
  void givenCursor_whenReleasedBehindIt_thenRescansFromThere() {
    RangeSet set = RangeSet.union(List.of(r("10.0.0.1", "10.0.0.3"), r("10.0.0.10", "10.0.0.11")));
    PoolCursor c = new PoolCursor(set, SearchOrder.ASCENDING);
    java.util.Set<AddressValue> taken = new java.util.HashSet<>();
    for (String expected : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.10", "10.0.0.11")) {
      AddressValue v = c.next(x -> !taken.contains(x));
      assertThat(v).isEqualTo(a(expected));
      taken.add(v);
    }
    assertThat(c.next(x -> !taken.contains(x))).isNull();
    taken.remove(a("10.0.0.2"));
    c.released(a("10.0.0.2"), set);
    assertThat(c.next(x -> !taken.contains(x))).isEqualTo(a("10.0.0.2"));
  }
}
