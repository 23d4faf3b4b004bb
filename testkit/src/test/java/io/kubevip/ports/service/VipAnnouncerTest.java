// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.TableRoute;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeRouteTablePort;
import org.junit.jupiter.api.Test;

class VipAnnouncerTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipBinding BINDING = VipBinding.of(VipAddress.parse("192.0.2.10"), ETH0);

  @Test
  void givenL2Mode_whenAnnouncedAndWithdrawn_thenOneBurstAndNothingOnWithdraw() {
    FakeL2AnnouncePort arp = new FakeL2AnnouncePort(ETH0);
    VipAnnouncer announcer = VipAnnouncer.l2(arp);
    announcer.announce(BINDING);
    announcer.withdraw(BINDING);
    assertThat(announcer.mode()).isEqualTo("arp");
    assertThat(arp.log().calls()).hasSize(1);
  }

  @Test
  void givenBgpMode_whenAnnouncedAndWithdrawn_thenAdvertisedThenNot() {
    FakeBgpAdvertisementPort bgp = new FakeBgpAdvertisementPort();
    VipAnnouncer announcer = VipAnnouncer.bgp(bgp);
    announcer.announce(BINDING);
    assertThat(bgp.advertised()).containsExactly(BINDING.vip());
    announcer.withdraw(BINDING);
    assertThat(bgp.advertised()).isEmpty();
  }

  @Test
  void givenRouteTableMode_whenAnnounced_thenRouteInTheConfiguredTableAndProtocol() {
    FakeRouteTablePort routes = new FakeRouteTablePort();
    VipAnnouncer announcer = VipAnnouncer.routeTable(routes, 200, 250);
    announcer.announce(BINDING);
    assertThat(routes.list(200, 250)).containsExactly(new TableRoute(BINDING.vip(), ETH0, 200, 250));
    announcer.withdraw(BINDING);
    assertThat(routes.list(200, 250)).isEmpty();
  }
}
