// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.bgp.PeerStatus;
import io.kubevip.adapter.bgp.SessionState;
import io.kubevip.app.bgp.BgpDataPlane;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the BGP speaker and the VIP addresses with fakes: no socket is opened and no address added. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeBgpNetwork {
  static final InterfaceName LO = InterfaceName.of("lo");
  static final String PEER = "192.0.2.1:1179 AS65001";

  /** The one fake peer's state; tests change it to see metrics and health follow. */
  static final AtomicReference<PeerStatus> PEER_STATUS = new AtomicReference<>(established(3, 1));

  static PeerStatus established(long sent, int establishedCount) {
    return new PeerStatus(PEER, SessionState.ESTABLISHED, java.time.Duration.ofSeconds(30),
        java.time.Duration.ofSeconds(10), establishedCount, null, null, 1, 0, null, sent);
  }

  @Bean
  FakeVipAddressPort fakeLoAddresses() {
    return new FakeVipAddressPort(LO);
  }

  @Bean
  FakeBgpAdvertisementPort fakeRoutes() {
    return new FakeBgpAdvertisementPort();
  }

  @Bean
  @Primary
  BgpDataPlane fakeBgpDataPlane(FakeVipAddressPort addresses, FakeBgpAdvertisementPort routes) {
    return new BgpDataPlane(addresses, routes, () -> List.of(PEER_STATUS.get()), () -> { });
  }
}
