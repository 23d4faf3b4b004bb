// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static io.kubevip.domain.address.IpFamily.IPV4;
import static io.kubevip.domain.address.IpFamily.IPV6;
import static io.kubevip.domain.pool.Fixtures.addresses;
import static io.kubevip.domain.pool.Fixtures.config;
import static io.kubevip.domain.pool.Fixtures.reason;
import static io.kubevip.domain.pool.Fixtures.request;
import static io.kubevip.domain.pool.Fixtures.used;
import static io.kubevip.domain.service.IpFamilyPolicy.PREFER_DUAL_STACK;
import static io.kubevip.domain.service.IpFamilyPolicy.REQUIRE_DUAL_STACK;
import static io.kubevip.domain.service.IpFamilyPolicy.SINGLE_STACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorDualStackTest {
  private final PoolConfig both = config("cidr-global", "10.0.0.0/30,fd00::/126");
  private final PoolConfig v4only = config("cidr-global", "10.0.0.0/30");

  @Test
  void givenSingleStack_whenFamiliesGiven_thenFirstFamilyOnly() {
    assertThat(addresses(Allocator.allocate(both, List.of(), request("a/s", SINGLE_STACK, List.of(IPV6, IPV4)))))
        .containsExactly("fd00::");
    assertThat(addresses(Allocator.allocate(both, List.of(), request("a/s", SINGLE_STACK, List.of(IPV4)))))
        .containsExactly("10.0.0.1");
  }

  @Test
  void givenSingleStackWithoutFamilies_whenPoolIsIpv6Only_thenIpv6() {
    PoolConfig v6 = config("cidr-global", "fd00::/126");
    assertThat(addresses(Allocator.allocate(v6, List.of(), request("a/s", SINGLE_STACK, List.of())))).containsExactly("fd00::");
    assertThat(addresses(Allocator.allocate(both, List.of(), request("a/s", SINGLE_STACK, List.of())))).containsExactly("10.0.0.1");
  }

  @Test
  void givenSingleStackIpv6_whenPoolHasNoIpv6_thenReason() {
    assertThat(reason(Allocator.allocate(v4only, List.of(), request("a/s", SINGLE_STACK, List.of(IPV6)))))
        .isEqualTo("namespace a, Service a/s: SingleStack IPv6 Service, but pool cidr-global (10.0.0.0/30) has no IPv6 entries");
  }

  @Test
  void givenRequireDualStack_whenBothFree_thenBothInFamilyOrder() {
    assertThat(addresses(Allocator.allocate(both, List.of(), request("a/s", REQUIRE_DUAL_STACK, List.of(IPV6, IPV4)))))
        .containsExactly("fd00::", "10.0.0.1");
    assertThat(addresses(Allocator.allocate(both, List.of(), request("a/s", REQUIRE_DUAL_STACK, List.of(IPV4, IPV6)))))
        .containsExactly("10.0.0.1", "fd00::");
  }

  @Test
  void givenRequireDualStack_whenNoIpv6Pool_thenFailsNamingTheMissingFamily() {
    assertThat(reason(Allocator.allocate(v4only, List.of(), request("a/s", REQUIRE_DUAL_STACK, List.of(IPV4, IPV6)))))
        .isEqualTo("namespace a, Service a/s: RequireDualStack needs IPv4 and IPv6, but pool cidr-global (10.0.0.0/30)"
            + " has no IPv6 entries");
  }

  @Test
  void givenRequireDualStack_whenOneFamilyExhausted_thenNothingAllocatedNotEvenInASession() {
    List<AddressInUse> v6full = List.of(used("fd00::", "a/1"), used("fd00::1", "a/2"), used("fd00::2", "a/3"),
        used("fd00::3", "a/4"));
    AllocationSession session = Allocator.session(both, v6full);
    AllocationResult r = session.allocate(request("a/s", REQUIRE_DUAL_STACK, List.of(IPV4, IPV6)));
    assertThat(reason(r)).isEqualTo("namespace a, Service a/s: RequireDualStack needs both families and nothing was"
        + " allocated: every IPv6 address of cidr-global (10.0.0.0/30,fd00::/126) is in use");
    assertThat(session.inUse()).hasSize(4);
    // the IPv4 address it would have taken is still the next one handed out
    assertThat(addresses(session.allocate(request("a/t", SINGLE_STACK, List.of(IPV4))))).containsExactly("10.0.0.1");
  }

  @Test
  void givenPreferDualStack_whenOneFamilyExhausted_thenTheOtherOnly() {
    List<AddressInUse> v4full = List.of(used("10.0.0.1", "a/1"), used("10.0.0.2", "a/2"), used("10.0.0.3", "a/3"));
    assertThat(addresses(Allocator.allocate(both, v4full, request("a/s", PREFER_DUAL_STACK, List.of(IPV4, IPV6)))))
        .containsExactly("fd00::");
  }

  @Test
  void givenPreferDualStack_whenPoolHasOneFamily_thenThatFamily() {
    assertThat(addresses(Allocator.allocate(v4only, List.of(), request("a/s", PREFER_DUAL_STACK, List.of(IPV6, IPV4)))))
        .containsExactly("10.0.0.1");
  }

  @Test
  void givenPreferDualStack_whenBothExhausted_thenFailsWithBothReasons() {
    PoolConfig tiny = config("cidr-global", "10.0.0.1/32,fd00::1/128");
    List<AddressInUse> full = List.of(used("10.0.0.1", "a/1"), used("fd00::1", "a/2"));
    assertThat(reason(Allocator.allocate(tiny, full, request("a/s", PREFER_DUAL_STACK, List.of(IPV4, IPV6)))))
        .contains("every IPv4 address").contains("every IPv6 address");
  }

  @Test
  void givenDhcpBothFamilies_whenRequireDualStack_thenBothMarkers() {
    PoolConfig dhcp = config("cidr-global", "0.0.0.0/32,::/128");
    AllocationResult r = Allocator.allocate(dhcp, List.of(), request("a/s", REQUIRE_DUAL_STACK, List.of(IPV6, IPV4)));
    assertThat(((Allocated) r).addresses()).containsExactly(VipAddress.dhcpMarker(IPV6), VipAddress.dhcpMarker(IPV4));
  }
}
