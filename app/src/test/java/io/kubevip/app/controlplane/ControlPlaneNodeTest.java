// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control-plane node wired to fakes: two simulated nodes contend on one fake lease store. */
class ControlPlaneNodeTest {
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-cp-lock");
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress V4 = VipAddress.parse("192.0.2.10");
  private static final VipAddress V6 = VipAddress.parse("2001:db8::10");

  private final FakeLeaseStore store = new FakeLeaseStore();
  private final List<Node> nodes = new ArrayList<>();

  /** One simulated node: its own address and announce fakes, a controllable link. */
  private final class Node {
    final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
    final FakeL2AnnouncePort announcer = new FakeL2AnnouncePort(ETH0);
    final FakeLeaderElectionPort election;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    volatile InterfaceMonitor.Listener link;
    volatile Set<String> foreign = Set.of();
    volatile java.util.Optional<Duration> gap = java.util.Optional.empty();
    final ControlPlaneNode node;

    Node(String name, Duration arpRate, Duration probeEvery) {
      election = new FakeLeaderElectionPort(store, name);
      InterfaceMonitor monitor = (iface, vips, listener) -> {
        link = listener;
        return () -> link = null;
      };
      ControlPlaneSettings s = new ControlPlaneSettings(LEASE, name, List.of(V4, V6), ETH0, arpRate, true,
          Duration.ofMillis(50), probeEvery);
      node = new ControlPlaneNode(s, election, addresses, announcer, monitor, (vip, iface, window) -> foreign,
          new ControlPlaneMeters(registry, name, LEASE), MetricsPort.NOOP, Clock.systemUTC(), lease -> gap);
      nodes.add(this);
    }

    Node(String name) {
      this(name, Duration.ofHours(1), Duration.ofHours(1));
    }

    double gauge(String name) {
      return registry.get(name).gauge().value();
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.node.releaseLease());
  }

  @Test
  void givenTwoNodes_whenBothCampaign_thenOnlyTheFirstHasAndAnnouncesTheVips() {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    a.node.campaign();
    b.node.campaign();

    assertThat(a.addresses.addresses(ETH0)).containsExactlyInAnyOrder(V4, V6);
    assertThat(a.announcer.bursts(V4, ETH0)).isEqualTo(1);
    assertThat(b.addresses.addresses(ETH0)).isEmpty();
    assertThat(b.node.status().holder()).contains("node-a");
    assertThat(a.gauge("kube_vip_is_leader")).isEqualTo(1.0);
    assertThat(b.gauge("kube_vip_is_leader")).isEqualTo(0.0);
    assertThat(a.registry.get("kubevip_acquire_to_announce").timer().count()).isEqualTo(1);
    assertThat(a.registry.get("kubevip_gratuitous_sent").tag("vip", "192.0.2.10").counter().count()).isEqualTo(1);
  }

  @Test
  void givenLeader_whenTheLeaseIsLost_thenVipsAreRemovedAndTheNodeStaysACandidateThatLeadsAgainLater() {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    a.node.campaign();
    b.node.campaign();

    b.gap = java.util.Optional.of(Duration.ofSeconds(15));
    store.loseLease(LEASE);

    assertThat(a.addresses.addresses(ETH0)).isEmpty();
    assertThat(b.registry.get("kubevip_failover").timer().count()).isEqualTo(1);
    assertThat(b.registry.get("kubevip_failover").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isGreaterThanOrEqualTo(15_000);
    assertThat(a.registry.find("kubevip_failover").timer().count()).as("a created the lease: no takeover").isZero();
    assertThat(b.addresses.addresses(ETH0)).containsExactlyInAnyOrder(V4, V6);
    assertThat(a.node.status().campaigning()).isTrue();
    b.node.withdrawForShutdown();
    b.node.releaseLease();
    assertThat(a.addresses.addresses(ETH0)).containsExactlyInAnyOrder(V4, V6);
    assertThat(a.registry.get("kube_vip_leader_election_transitions").counter().count()).isEqualTo(3);
  }

  @Test
  void givenLeader_whenShutDown_thenTheVipsAreGoneBeforeTheLeaseIsHandedOver() {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    a.node.campaign();
    b.node.campaign();

    a.node.withdrawForShutdown();
    assertThat(a.addresses.addresses(ETH0)).isEmpty();
    assertThat(store.holder(LEASE)).contains("node-a");
    assertThat(b.addresses.addresses(ETH0)).isEmpty();

    a.node.releaseLease();
    assertThat(store.holder(LEASE)).contains("node-b");
    assertThat(b.addresses.addresses(ETH0)).containsExactlyInAnyOrder(V4, V6);
    assertThat(a.addresses.addresses(ETH0)).isEmpty();
  }

  @Test
  void givenLeader_whenTheLinkStaysDownPastTheTimeout_thenLeadershipIsGivenUpAndRegainedWhenTheLinkReturns() {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    a.node.campaign();
    b.node.campaign();

    a.link.linkDown(ETH0);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.holder(LEASE).filter("node-b"::equals).isPresent());
    assertThat(a.addresses.addresses(ETH0)).isEmpty();
    assertThat(a.node.status().campaigning()).isFalse();
    assertThat(a.node.status().linkDown()).isTrue();

    a.link.linkUp(ETH0);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.node.status().campaigning());
    assertThat(a.node.status().holder()).contains("node-b");
  }

  @Test
  void givenLeader_whenTheLinkFlapsShorterThanTheTimeout_thenLeadershipIsKept() {
    Node a = new Node("node-a");
    a.node.campaign();

    a.link.linkDown(ETH0);
    a.link.linkUp(ETH0);

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> store.holder(LEASE).filter("node-a"::equals).isPresent());
    assertThat(a.addresses.addresses(ETH0)).containsExactlyInAnyOrder(V4, V6);
  }

  @Test
  void givenLeader_whenTheLocalApiTurnsUnhealthy_thenTheLeaseIsGivenUpUntilItIsHealthyAgain() {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    a.node.campaign();
    b.node.campaign();

    a.node.apiHealthListener().unhealthy("3 failed checks");
    await().atMost(Duration.ofSeconds(5)).until(() -> store.holder(LEASE).filter("node-b"::equals).isPresent());
    assertThat(a.addresses.addresses(ETH0)).isEmpty();
    assertThat(a.node.status().givenUpFor()).containsExactly("api");

    a.node.apiHealthListener().healthy();
    await().atMost(Duration.ofSeconds(5)).until(() -> a.node.status().campaigning());
    assertThat(a.node.status().givenUpFor()).isEmpty();
  }

  @Test
  void givenLinkDownAndApiUnhealthy_whenOnlyTheLinkRecovers_thenTheNodeStaysOut() {
    Node a = new Node("node-a");
    a.node.campaign();

    a.node.apiHealthListener().unhealthy("down");
    a.link.linkDown(ETH0);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.node.status().givenUpFor().size() == 2);
    a.link.linkUp(ETH0);

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !a.node.status().campaigning());
    assertThat(store.holder(LEASE)).isEmpty();
  }

  @Test
  void givenVipsLeftByAnEarlierRun_whenTheLeaseIsNotHeld_thenTheyAreRemovedAtStartUp() {
    Node a = new Node("node-a");
    a.addresses.add(V4, ETH0);

    assertThat(a.node.cleanUpLeftovers(false)).isEqualTo(1);
    assertThat(a.addresses.addresses(ETH0)).isEmpty();
  }

  @Test
  void givenVipsLeftByAnEarlierRun_whenTheLeaseIsStillHeld_thenTheyStay() {
    Node a = new Node("node-a");
    a.addresses.add(V4, ETH0);

    assertThat(a.node.cleanUpLeftovers(true)).isZero();
    assertThat(a.addresses.addresses(ETH0)).containsExactly(V4);
  }

  @Test
  void givenLeader_whenTheArpRateElapses_thenVipsAreReAnnouncedAndADeletedVipIsReAdded() {
    Node a = new Node("node-a", Duration.ofMillis(30), Duration.ofHours(1));
    a.node.campaign();
    a.addresses.deleteExternally(V6, ETH0);

    await().atMost(Duration.ofSeconds(5)).until(() -> a.announcer.bursts(V4, ETH0) >= 4);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.addresses.addresses(ETH0).contains(V6));
  }

  @Test
  void givenAnotherHostAnswersForTheVip_whenLeading_thenItIsReportedAndTheVipStillAnnounced() {
    Node a = new Node("node-a", Duration.ofMillis(30), Duration.ofMillis(30));
    a.foreign = Set.of("02:00:00:00:00:99");
    a.node.campaign();

    assertThat(a.node.status().duplicates()).containsEntry("192.0.2.10", Set.of("02:00:00:00:00:99"));
    assertThat(a.registry.get("kubevip_duplicate_answers").tag("vip", "192.0.2.10").counter().count()).isGreaterThan(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.announcer.bursts(V4, ETH0) >= 3);
    a.foreign = Set.of();
    await().atMost(Duration.ofSeconds(5)).until(() -> a.node.status().duplicates().isEmpty());
  }
}
