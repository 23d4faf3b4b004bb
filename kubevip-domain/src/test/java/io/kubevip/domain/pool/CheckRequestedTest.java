// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import static io.kubevip.domain.pool.Fixtures.config;
import static io.kubevip.domain.pool.Fixtures.svc;
import static io.kubevip.domain.pool.Fixtures.used;
import static io.kubevip.domain.service.ServicePort.tcp;
import static io.kubevip.domain.service.ServicePort.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.IpFamily;
import io.kubevip.domain.address.VipAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRequestedTest {
  private final PoolConfig noShare = config("cidr-global", "10.0.0.0/24,fd00::/120");
  private final PoolConfig share = config("cidr-global", "10.0.0.0/24,fd00::/120", "allow-share-global", "true");

  @Test
  void givenFreeAddressInPool_whenChecked_thenAcceptedInsidePools() {
    RequestedAddressCheck c = Allocator.checkRequested(noShare, List.of(), svc("a/s"), VipAddress.parse("10.0.0.9"), Set.of());
    assertThat(c).isEqualTo(new RequestedAddressCheck.Accepted(false, List.of()));
    assertThat(c.ok()).isTrue();
    assertThat(c.refusal()).isEmpty();
  }

  @Test
  void givenAddressOutsideEveryPool_whenChecked_thenAcceptedButFlagged() {
    RequestedAddressCheck c = Allocator.checkRequested(noShare, List.of(), svc("a/s"), VipAddress.parse("192.168.7.7"), Set.of());
    assertThat(c).isEqualTo(new RequestedAddressCheck.Accepted(true, List.of()));
  }

  @Test
  void givenAddressHeldByAnother_whenSharingOff_thenRefusedNamingHolderAndKeys() {
    RequestedAddressCheck c = Allocator.checkRequested(noShare, List.of(used("10.0.0.9", "b/web", tcp(80))), svc("a/s"),
        VipAddress.parse("10.0.0.9"), Set.of(tcp(53)));
    assertThat(c.refusal()).contains("10.0.0.9 is already in use by [b/web] and sharing is off for namespace a"
        + " (allow-share-a / allow-share-global)");
  }

  @Test
  void givenAddressHeldByAnother_whenSharingOnAndPortsClash_thenRefusedNamingPorts() {
    RequestedAddressCheck c = Allocator.checkRequested(share, List.of(used("10.0.0.9", "b/web", tcp(80), tcp(443))),
        svc("a/s"), VipAddress.parse("10.0.0.9"), Set.of(tcp(443), udp(53)));
    assertThat(c.refusal()).contains("10.0.0.9 is already in use: it is used by b/web with clashing ports [443/TCP]");
  }

  @Test
  void givenAddressHeldByAnother_whenSharingOnAndPortsDisjoint_thenAcceptedWithSharers() {
    RequestedAddressCheck c = Allocator.checkRequested(share, List.of(used("10.0.0.9", "b/web", tcp(80)),
        used("10.0.0.9", "c/tls", tcp(443))), svc("a/s"), VipAddress.parse("10.0.0.9"), Set.of(udp(53)));
    assertThat(c).isEqualTo(new RequestedAddressCheck.Accepted(false, List.of("b/web", "c/tls")));
  }

  @Test
  void givenHolderWithoutPorts_whenSharingOn_thenRefused() {
    RequestedAddressCheck c = Allocator.checkRequested(share, List.of(used("10.0.0.9", "b/any")), svc("a/s"),
        VipAddress.parse("10.0.0.9"), Set.of(tcp(53)));
    assertThat(c.refusal()).get().asString().contains("b/any, which has no ports and so claims the whole address");
  }

  @Test
  void givenRequestWithoutPorts_whenSharingOn_thenRefused() {
    RequestedAddressCheck c = Allocator.checkRequested(share, List.of(used("10.0.0.9", "b/web", tcp(80))), svc("a/s"),
        VipAddress.parse("10.0.0.9"), Set.of());
    assertThat(c.refusal()).get().asString().contains("the Service has no ports, so it cannot share an address");
  }

  @Test
  void givenIpv6HeldByAnother_whenSharingOn_thenRefusedIpv4Only() {
    RequestedAddressCheck c = Allocator.checkRequested(share, List.of(used("fd00::9", "b/web", tcp(80))), svc("a/s"),
        VipAddress.parse("fd00::9"), Set.of(tcp(53)));
    assertThat(c.refusal()).get().asString().contains("only IPv4 addresses can be shared");
  }

  @Test
  void givenAddressHeldBySameService_whenChecked_thenAccepted() {
    RequestedAddressCheck c = Allocator.checkRequested(noShare, List.of(used("10.0.0.9", "a/s", tcp(80))), svc("a/s"),
        VipAddress.parse("10.0.0.9"), Set.of(tcp(80)));
    assertThat(c.ok()).isTrue();
  }

  @Test
  void givenDhcpMarker_whenHeldByOthers_thenAccepted() {
    RequestedAddressCheck c = Allocator.checkRequested(noShare, List.of(used("0.0.0.0", "b/x")), svc("a/s"),
        VipAddress.dhcpMarker(IpFamily.IPV4), Set.of());
    assertThat(c).isEqualTo(new RequestedAddressCheck.Accepted(false, List.of()));
  }

  @Test
  void givenSession_whenCheckingAfterAllocation_thenSeesWhatItHandedOut() {
    AllocationSession s = Allocator.session(noShare, List.of());
    s.allocate(Fixtures.v4("b/web", tcp(80)));
    assertThat(s.checkRequested(svc("a/s"), VipAddress.parse("10.0.0.1"), Set.of(tcp(53))).ok()).isFalse();
    assertThat(s.checkRequested(svc("a/s"), VipAddress.parse("10.0.0.2"), Set.of(tcp(53))).ok()).isTrue();
  }
}
