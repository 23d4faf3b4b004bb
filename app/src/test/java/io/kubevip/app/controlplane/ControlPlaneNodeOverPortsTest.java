// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.fakes.FakeDuplicateAddressPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeLinkWatchPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node over the port fakes the Linux adapters are contract-tested against: link watch and duplicate probe. */
class ControlPlaneNodeOverPortsTest {
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-cp-lock");
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress VIP = VipAddress.parse("192.0.2.10");

  private final FakeLeaseStore store = new FakeLeaseStore();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final FakeLinkWatchPort links = new FakeLinkWatchPort(addresses);
  private final FakeDuplicateAddressPort duplicates = new FakeDuplicateAddressPort(ETH0);
  private final ControlPlaneNode node = new ControlPlaneNode(
      new ControlPlaneSettings(LEASE, "node-a", List.of(VIP), ETH0, Duration.ofHours(1), true, Duration.ofMillis(50),
          Duration.ofHours(1)),
      new FakeLeaderElectionPort(store, "node-a"), addresses, new FakeL2AnnouncePort(ETH0),
      InterfaceMonitor.over(links), DuplicateProbe.over(duplicates),
      new ControlPlaneMeters(new SimpleMeterRegistry(), "node-a", LEASE), MetricsPort.NOOP, Clock.systemUTC());

  @AfterEach
  void stop() {
    node.releaseLease();
  }

  @Test
  void givenLeader_whenSomeoneDeletesTheVip_thenItIsBackBeforeTheNextRefresh() {
    node.campaign();
    assertThat(addresses.addresses(ETH0)).containsExactly(VIP);

    links.deleteExternally(new VipBinding(VIP, ETH0));

    await().atMost(Duration.ofSeconds(5)).until(() -> addresses.addresses(ETH0).contains(VIP));
  }

  @Test
  void givenCandidate_whenTheLinkGoesDownAndUp_thenItGivesUpAndCampaignsAgain() {
    node.campaign();
    assertThat(links.openSubscriptions()).isEqualTo(1);

    links.takeDown(ETH0);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.holder(LEASE).isEmpty());
    assertThat(addresses.addresses(ETH0)).isEmpty();

    links.bringUp(ETH0);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.holder(LEASE).filter("node-a"::equals).isPresent());
    assertThat(addresses.addresses(ETH0)).containsExactly(VIP);
  }

  @Test
  void givenAnotherHostHoldsTheVip_whenAcquiring_thenItsMacIsReported() {
    duplicates.claim(VIP, "02:00:00:00:00:99");

    node.campaign();

    assertThat(node.status().duplicates()).containsEntry("192.0.2.10", Set.of("02:00:00:00:00:99"));
    assertThat(addresses.addresses(ETH0)).containsExactly(VIP);
  }

  @Test
  void givenShutdown_whenReleased_thenTheLinkWatchIsClosed() {
    node.campaign();
    node.withdrawForShutdown();
    node.releaseLease();
    assertThat(links.openSubscriptions()).isZero();
  }
}
