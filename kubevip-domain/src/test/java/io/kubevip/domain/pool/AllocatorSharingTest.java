// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static io.kubevip.domain.pool.Fixtures.addresses;
import static io.kubevip.domain.pool.Fixtures.config;
import static io.kubevip.domain.pool.Fixtures.request;
import static io.kubevip.domain.pool.Fixtures.used;
import static io.kubevip.domain.pool.Fixtures.v4;
import static io.kubevip.domain.service.ServicePort.tcp;
import static io.kubevip.domain.service.ServicePort.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.service.IpFamilyPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorSharingTest {
  private final PoolConfig sharing = config("cidr-global", "10.0.0.0/29", "allow-share-global", "true");

  @Test
  void givenAllowShare_whenPortsDoNotOverlap_thenInUseAddressReused() {
    AllocationResult r = Allocator.allocate(sharing, List.of(used("10.0.0.1", "a/web", tcp(80))), v4("b/dns", tcp(53)));
    assertThat(addresses(r)).containsExactly("10.0.0.1");
    assertThat(((Allocated) r).pool()).isEqualTo("cidr-global; 10.0.0.1 shared with a/web");
  }

  @Test
  void givenAllowShare_whenPortsOverlapAnyHolder_thenFreshAddress() {
    List<AddressInUse> inUse = List.of(used("10.0.0.1", "a/web", tcp(80)), used("10.0.0.1", "a/tls", tcp(443)));
    assertThat(addresses(Allocator.allocate(sharing, inUse, v4("b/x", tcp(443), tcp(8080))))).containsExactly("10.0.0.2");
    assertThat(addresses(Allocator.allocate(sharing, inUse, v4("b/x", tcp(8080))))).containsExactly("10.0.0.1");
  }

  @Test
  void givenAllowShare_whenSamePortNumberOtherProtocol_thenShared() {
    AllocationResult r = Allocator.allocate(sharing, List.of(used("10.0.0.1", "a/dns-tcp", tcp(53))), v4("a/dns-udp", udp(53)));
    assertThat(addresses(r)).containsExactly("10.0.0.1");
  }

  @Test
  void givenAllowShareOff_whenPortsDoNotOverlap_thenFreshAddress() {
    PoolConfig c = config("cidr-global", "10.0.0.0/29");
    assertThat(addresses(Allocator.allocate(c, List.of(used("10.0.0.1", "a/web", tcp(80))), v4("b/dns", tcp(53)))))
        .containsExactly("10.0.0.2");
    PoolConfig offForNs = config("cidr-global", "10.0.0.0/29", "allow-share-global", "true", "allow-share-b", "false");
    assertThat(addresses(Allocator.allocate(offForNs, List.of(used("10.0.0.1", "a/web", tcp(80))), v4("b/dns", tcp(53)))))
        .containsExactly("10.0.0.2");
  }

  @Test
  void givenHolderWithoutPorts_whenSharing_thenAddressNotShared() {
    assertThat(addresses(Allocator.allocate(sharing, List.of(used("10.0.0.1", "a/x")), v4("b/y", tcp(53)))))
        .containsExactly("10.0.0.2");
  }

  @Test
  void givenRequestWithoutPorts_whenSharing_thenFreshAddress() {
    assertThat(addresses(Allocator.allocate(sharing, List.of(used("10.0.0.1", "a/x", tcp(80))), v4("b/y"))))
        .containsExactly("10.0.0.2");
  }

  @Test
  void givenInUseAddressOutsideThePool_whenSharing_thenNotChosen() {
    assertThat(addresses(Allocator.allocate(sharing, List.of(used("192.168.1.1", "a/x", tcp(80))), v4("b/y", tcp(53)))))
        .containsExactly("10.0.0.1");
  }

  @Test
  void givenSeveralShareable_whenSearchOrderDesc_thenHighestShared() {
    PoolConfig c = config("cidr-global", "10.0.0.0/29", "allow-share-global", "true", "search-order", "desc");
    List<AddressInUse> inUse = List.of(used("10.0.0.1", "a/x", tcp(80)), used("10.0.0.3", "a/y", tcp(80)));
    assertThat(addresses(Allocator.allocate(c, inUse, v4("b/z", tcp(53))))).containsExactly("10.0.0.3");
    assertThat(addresses(Allocator.allocate(sharing, inUse, v4("b/z", tcp(53))))).containsExactly("10.0.0.1");
  }

  @Test
  void givenIpv6InUse_whenSharingAllowed_thenIpv6NeverShared() {
    PoolConfig c = config("cidr-global", "fd00::/120", "allow-share-global", "true");
    AllocationResult r = Allocator.allocate(c, List.of(used("fd00::", "a/x", tcp(80))),
        request("b/y", IpFamilyPolicy.SINGLE_STACK, List.of(IpFamily.IPV6), tcp(53)));
    assertThat(addresses(r)).containsExactly("fd00::1");
  }

  @Test
  void givenExhaustedPoolAndClash_whenSharing_thenReasonSaysNoneCanBeShared() {
    PoolConfig c = config("cidr-global", "10.0.0.1/32", "allow-share-global", "true");
    assertThat(Fixtures.reason(Allocator.allocate(c, List.of(used("10.0.0.1", "a/x", tcp(80))), v4("b/y", tcp(80)))))
        .isEqualTo("namespace b, Service b/y: every IPv4 address of cidr-global (10.0.0.1/32) is in use and none can be"
            + " shared with ports [80/TCP]");
  }
}
