// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeMetricsPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlPlaneLeadershipTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress VIP = VipAddress.parse("192.0.2.10");
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-cp-lock");
  private final FakeLeaseStore cluster = new FakeLeaseStore();

  /** One simulated control-plane node. */
  private final class Node {
    final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
    final FakeL2AnnouncePort arp = new FakeL2AnnouncePort(ETH0);
    final FakeMetricsPort metrics = new FakeMetricsPort();
    final FakeLeaderElectionPort election;
    final List<Set<VipAddress>> addressesWhenLossPolicyRan = new ArrayList<>();
    final ControlPlaneLeadership leadership;

    Node(String name) {
      election = new FakeLeaderElectionPort(cluster, name);
      ControlPlaneVipService service = new ControlPlaneVipService(
          new PlanExecutor(addresses, VipAnnouncer.l2(arp), metrics), metrics, Clock.systemUTC());
      leadership = new ControlPlaneLeadership(service, LEASE, List.of(VIP), ETH0, metrics,
          () -> addressesWhenLossPolicyRan.add(addresses.addresses(ETH0)));
    }

    boolean serving() {
      return addresses.addresses(ETH0).contains(VIP);
    }
  }

  @Test
  void givenUncontestedLease_whenStarted_thenVipAddedAndAnnounced() {
    Node a = new Node("a");
    a.leadership.start(a.election);
    assertThat(a.serving()).isTrue();
    assertThat(a.arp.bursts(VIP, ETH0)).isEqualTo(1);
    assertThat(a.leadership.currentLeader()).contains("a");
    assertThat(a.metrics.log().calls("metrics.leadershipChanged"))
        .containsExactly(RecordedCall.of("metrics.leadershipChanged", LEASE, true));
  }

  @Test
  void givenLeader_whenLeaseLost_thenVipRemovedBeforeTheLossPolicyRuns() {
    Node a = new Node("a");
    a.leadership.start(a.election);
    cluster.loseLease(LEASE);
    assertThat(a.addressesWhenLossPolicyRan).containsExactly(Set.of());
  }

  @Test
  void givenAddressPortBroken_whenLeaseLost_thenLossPolicyStillRuns() {
    Node a = new Node("a");
    a.leadership.start(a.election);
    a.addresses.log().failAll("address.listOurs");
    cluster.loseLease(LEASE);
    assertThat(a.addressesWhenLossPolicyRan).hasSize(1);
  }

  @Test
  void givenAddressPortBroken_whenLeadershipAcquired_thenTheCampaignSurvivesAndARepairPassServes() {
    Node a = new Node("a");
    a.addresses.log().failAll("address.listOurs");
    a.leadership.start(a.election);
    assertThat(a.serving()).isFalse();
    assertThat(cluster.holder(LEASE)).contains("a");
    a.addresses.log().heal();
    a.leadership.onStartedLeading();
    assertThat(a.serving()).isTrue();
  }

  @Test
  void givenLeader_whenShutDownGracefully_thenVipRemovedButLossPolicyNotRun() {
    Node a = new Node("a");
    a.leadership.start(a.election);
    a.leadership.shutdown(a.election);
    assertThat(a.serving()).isFalse();
    assertThat(a.addressesWhenLossPolicyRan).isEmpty();
    assertThat(cluster.holder(LEASE)).isEmpty();
  }

  @Test
  void givenTwoNodes_whenLeaderFails_thenTheOtherServesAndNeverBothAtOnce() {
    Node a = new Node("a");
    Node b = new Node("b");
    a.leadership.start(a.election);
    b.leadership.start(b.election);
    assertThat(a.serving()).isTrue();
    assertThat(b.serving()).isFalse();
    assertThat(b.leadership.currentLeader()).contains("a");

    cluster.loseLease(LEASE);
    assertThat(a.serving()).isFalse();
    assertThat(b.serving()).isTrue();
    assertThat(a.addressesWhenLossPolicyRan).containsExactly(Set.of());
    assertThat(a.leadership.currentLeader()).contains("b");
  }
}
