// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static io.kubevip.domain.pool.Fixtures.addresses;
import static io.kubevip.domain.pool.Fixtures.config;
import static io.kubevip.domain.pool.Fixtures.reason;
import static io.kubevip.domain.pool.Fixtures.used;
import static io.kubevip.domain.pool.Fixtures.v4;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address comes first: order, skipped addresses, pool selection. */
class AllocatorOrderTest {

  @Test
  void givenCidr_whenAllocating_thenFirstFreeAscendingSkippingDotZero() {
    PoolConfig c = config("cidr-global", "10.0.0.0/24");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.0.1");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.1", "a/x"), used("10.0.0.2", "a/y")), v4("a/s"))))
        .containsExactly("10.0.0.3");
  }

  @Test
  void givenSearchOrderDesc_whenAllocating_thenFromTheTopSkippingDot255() {
    PoolConfig c = config("cidr-global", "10.0.0.0/24", "search-order", "desc");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.0.254");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.254", "a/x")), v4("a/s")))).containsExactly("10.0.0.253");
  }

  @Test
  void givenRangeAcrossOctets_whenAllocating_thenDotZeroAndDot255AlwaysSkipped() {
    PoolConfig c = config("range-global", "10.0.0.254-10.0.1.1");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.0.254");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.254", "a/x")), v4("a/s")))).containsExactly("10.0.1.1");
  }

  @Test
  void givenOnlyDotZeroAndDot255_whenAllocating_thenExhausted() {
    PoolConfig c = config("range-global", "10.0.0.255-10.0.1.0");
    assertThat(reason(Allocator.allocate(c, List.of(), v4("a/s"))))
        .isEqualTo("namespace a, Service a/s: every IPv4 address of range-global (10.0.0.255-10.0.1.0) is in use");
  }

  @Test
  void givenIpv6_whenAllocating_thenNoDotZeroRuleForIpv6() {
    PoolConfig c = config("range-global", "fd00::ff-fd00::100");
    AllocationResult r = Allocator.allocate(c, List.of(), Fixtures.request("a/s",
        io.kubevip.domain.service.IpFamilyPolicy.SINGLE_STACK, List.of(io.kubevip.domain.address.IpFamily.IPV6)));
    assertThat(addresses(r)).containsExactly("fd00::ff");
  }

  @Test
  void givenSkipEndIps_whenAllocating_thenNetworkAndBroadcastOfEachCidrNeverHandedOut() {
    // 10.0.0.120/29 is .120-.127: with skip-end-ips-in-cidr .120 and .127 are never handed out.
    PoolConfig plain = config("cidr-global", "10.0.0.120/29");
    PoolConfig skip = config("cidr-global", "10.0.0.120/29", "skip-end-ips-in-cidr", "true");
    assertThat(addresses(Allocator.allocate(plain, List.of(), v4("a/s")))).containsExactly("10.0.0.120");
    assertThat(addresses(Allocator.allocate(skip, List.of(), v4("a/s")))).containsExactly("10.0.0.121");
    PoolConfig skipDesc = config("cidr-global", "10.0.0.120/29", "skip-end-ips-in-cidr", "true", "search-order", "desc");
    assertThat(addresses(Allocator.allocate(skipDesc, List.of(), v4("a/s")))).containsExactly("10.0.0.126");
    PoolConfig plainDesc = config("cidr-global", "10.0.0.120/29", "search-order", "desc");
    assertThat(addresses(Allocator.allocate(plainDesc, List.of(), v4("a/s")))).containsExactly("10.0.0.127");
  }

  @Test
  void givenSkipEndIps_whenCidrIsSlash32OrSlash31_thenItsAddressesStayUsable() {
    PoolConfig c = config("cidr-global", "10.0.0.7/32,10.0.1.8/31", "skip-end-ips-in-cidr", "true");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.0.7");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.7", "a/x")), v4("a/s")))).containsExactly("10.0.1.8");
  }

  @Test
  void givenSkipEndIps_whenRangePool_thenRangesAreNotTrimmed() {
    PoolConfig c = config("range-global", "10.0.0.10-10.0.0.12", "skip-end-ips-in-cidr", "true");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.0.10");
  }

  @Test
  void givenSeveralEntries_whenAllocating_thenLowestAddressOfTheUnionFirstNotEntryOrder() {
    PoolConfig c = config("cidr-global", "10.0.5.0/30,10.0.1.0/30");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("10.0.1.1");
  }

  @Test
  void givenNamespaceAndGlobalPools_whenAllocating_thenNamespacePoolOnlyEvenWhenExhausted() {
    PoolConfig c = config("cidr-prod", "10.0.0.1/32", "cidr-global", "10.9.0.0/24");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("prod/a")))).containsExactly("10.0.0.1");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("dev/a")))).containsExactly("10.9.0.1");
    assertThat(reason(Allocator.allocate(c, List.of(used("10.0.0.1", "prod/x")), v4("prod/a"))))
        .isEqualTo("namespace prod, Service prod/a: every IPv4 address of cidr-prod (10.0.0.1/32) is in use");
  }

  @Test
  void givenCidrAndRangeForNamespace_whenAllocating_thenCidrFirst() {
    PoolConfig c = config("cidr-prod", "10.0.1.0/24", "range-prod", "10.0.0.10-10.0.0.20");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("prod/a")))).containsExactly("10.0.1.1");
  }

  @Test
  void givenRangeForNamespaceAndCidrGlobal_whenAllocating_thenNamespaceRangeBeatsGlobalCidr() {
    PoolConfig c = config("range-prod", "10.0.0.10-10.0.0.20", "cidr-global", "10.9.0.0/24");
    Allocated a = (Allocated) Allocator.allocate(c, List.of(), v4("prod/a"));
    assertThat(a.addresses()).extracting(v -> v.hostText()).containsExactly("10.0.0.10");
    assertThat(a.pool()).isEqualTo("range-prod");
  }

  @Test
  void givenNoPool_whenAllocating_thenReasonNamesNamespaceAndKeysTried() {
    assertThat(reason(Allocator.allocate(config("cidr-prod", "10.0.0.0/24"), List.of(), v4("dev/a"))))
        .isEqualTo("namespace dev, Service dev/a: no address pool: none of cidr-dev, range-dev, cidr-global, range-global"
            + " is set in the kubevip ConfigMap");
  }

  @Test
  void givenMalformedNamespacePool_whenAllocating_thenFailsInsteadOfFallingBackToGlobal() {
    PoolConfig c = config("cidr-prod", "10.0.0.0/40", "cidr-global", "10.9.0.0/24");
    assertThat(reason(Allocator.allocate(c, List.of(), v4("prod/a"))))
        .isEqualTo("namespace prod, Service prod/a: pool cidr-prod has no usable entry (see the kubevip ConfigMap problems)");
  }

  @Test
  void givenAddressInUseInAnotherNamespace_whenOverlappingNamespacePool_thenNotHandedOutTwice() {
    PoolConfig c = config("cidr-prod", "10.0.0.0/30", "cidr-dev", "10.0.0.0/30");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.1", "dev/x")), v4("prod/a")))).containsExactly("10.0.0.2");
  }

  @Test
  void givenInterfaceKeys_whenAllocated_thenInterfaceOfNamespaceElseGlobal() {
    PoolConfig c = config("cidr-global", "10.0.0.0/24", "interface-prod", "eth1", "interface-global", "eth0");
    assertThat(((Allocated) Allocator.allocate(c, List.of(), v4("prod/a"))).interfaceName()).contains("eth1");
    assertThat(((Allocated) Allocator.allocate(c, List.of(), v4("dev/a"))).interfaceName()).contains("eth0");
    PoolConfig none = config("cidr-global", "10.0.0.0/24");
    assertThat(((Allocated) Allocator.allocate(none, List.of(), v4("dev/a"))).interfaceName()).isEmpty();
  }

  @Test
  void givenDhcpPool_whenAllocating_thenEveryServiceGetsTheMarkerEvenWhenOthersHoldIt() {
    PoolConfig c = config("cidr-global", "0.0.0.0/32");
    AllocationResult r = Allocator.allocate(c, List.of(used("0.0.0.0", "a/x")), v4("a/s"));
    assertThat(((Allocated) r).addresses()).containsExactly(io.kubevip.domain.address.VipAddress.dhcpMarker(
        io.kubevip.domain.address.IpFamily.IPV4));
  }

  @Test
  void givenWidePoolOverSpecialBlocks_whenAllocating_thenLoopbackAndMulticastAreSteppedOverQuickly() {
    PoolConfig c = config("range-global", "127.255.255.254-128.0.0.2");
    assertThat(addresses(Allocator.allocate(c, List.of(), v4("a/s")))).containsExactly("128.0.0.1");
    PoolConfig v6 = config("range-global", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff-fec0::1", "search-order", "desc");
    AllocationResult r = Allocator.allocate(v6, List.of(), Fixtures.request("a/s",
        io.kubevip.domain.service.IpFamilyPolicy.SINGLE_STACK, List.of(io.kubevip.domain.address.IpFamily.IPV6)));
    assertThat(addresses(r)).containsExactly("fec0::1");
    PoolConfig v6up = config("cidr-global", "fe80::/10,ff00::/9,::/0");
    AllocationResult all = Allocator.allocate(v6up, List.of(used("::2", "a/x")), Fixtures.request("a/s",
        io.kubevip.domain.service.IpFamilyPolicy.SINGLE_STACK, List.of(io.kubevip.domain.address.IpFamily.IPV6)));
    assertThat(addresses(all)).containsExactly("::3");
  }

  @Test
  void givenSameInputs_whenAllocatedTwice_thenSameAnswerWhateverTheInUseOrder() {
    PoolConfig c = config("cidr-global", "10.0.0.0/28", "allow-share-global", "true");
    List<AddressInUse> inUse = List.of(used("10.0.0.3", "a/x"), used("10.0.0.1", "a/y"), used("10.0.0.2", "a/z"));
    List<AddressInUse> reversed = new java.util.ArrayList<>(inUse);
    java.util.Collections.reverse(reversed);
    AllocationResult first = Allocator.allocate(c, inUse, v4("a/s"));
    assertThat(Allocator.allocate(c, reversed, v4("a/s"))).isEqualTo(first);
    assertThat(Allocator.allocate(c, inUse, v4("a/s"))).isEqualTo(first);
    assertThat(addresses(first)).containsExactly("10.0.0.4");
  }
}
