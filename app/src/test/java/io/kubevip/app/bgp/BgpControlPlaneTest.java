// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.testkit.fakes.CallLog;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgpControlPlaneTest {
  static final InterfaceName LO = InterfaceName.of("lo");
  static final VipAddress VIP = VipAddress.parse("192.0.2.10");
  static final LeaseName LEASE = LeaseName.parse("vip_leasename", "plndr-cp-lock", "kube-system");

  final CallLog log = new CallLog();
  final FakeVipAddressPort addresses = new FakeVipAddressPort(log, LO);
  final FakeBgpAdvertisementPort routes = new FakeBgpAdvertisementPort(log);
  final Election election = new Election();

  static final class Election implements LeaderElectionPort {
    final List<String> calls = new ArrayList<>();
    LeadershipCallbacks callbacks;

    @Override
    public void run(LeaseName lease, LeadershipCallbacks callbacks) {
      calls.add("run");
      this.callbacks = callbacks;
    }

    @Override
    public void release(LeaseName lease) {
      calls.add("release");
    }
  }

  BgpControlPlane node(boolean elected) {
    return new BgpControlPlane(new BgpControlPlane.Settings(LEASE, "node-a", List.of(VIP), LO, elected), election,
        addresses, routes);
  }

  List<String> operations() {
    return log.calls().stream().map(RecordedCall::operation).toList();
  }

  @Test
  void givenServicesShareTheInterface_whenCleaningUpLeftovers_thenOnlyTheControlPlaneVipIsRemoved() {
    VipAddress serviceVip = VipAddress.parse("198.51.100.7");
    addresses.add(VIP, LO);
    addresses.add(serviceVip, LO);
    BgpControlPlane node = new BgpControlPlane(new BgpControlPlane.Settings(LEASE, "node-a", List.of(VIP), LO, false),
        election, addresses, routes, true);
    assertThat(node.cleanUpLeftovers(false)).isEqualTo(1);
    assertThat(addresses.listOurs(LO)).containsExactly(serviceVip);
  }

  @Test
  void givenNoServices_whenCleaningUpLeftovers_thenEveryTaggedAddressIsRemoved() {
    addresses.add(VIP, LO);
    addresses.add(VipAddress.parse("198.51.100.7"), LO);
    assertThat(node(false).cleanUpLeftovers(false)).isEqualTo(2);
    assertThat(addresses.listOurs(LO)).isEmpty();
  }

  @Test
  void givenNoElection_whenStarted_thenEveryNodeAdvertisesAtOnceWithoutCampaigning() {
    node(false).start();
    assertThat(operations()).containsExactly("address.add", "bgp.advertise");
    assertThat(routes.advertised()).containsExactly(VIP);
    assertThat(addresses.listOurs(LO)).containsExactly(VIP);
    assertThat(election.calls).isEmpty();
  }

  @Test
  void givenElection_whenStarted_thenNothingIsAdvertisedUntilTheLeaseIsHeld() {
    BgpControlPlane node = node(true);
    node.start();
    assertThat(election.calls).containsExactly("run");
    assertThat(routes.advertised()).isEmpty();
    election.callbacks.onStartedLeading();
    assertThat(routes.advertised()).containsExactly(VIP);
    assertThat(node.status().leading()).isTrue();
  }

  @Test
  void givenLeader_whenLeaseLost_thenTheRouteIsWithdrawnBeforeTheAddressIsRemoved() {
    node(true).start();
    election.callbacks.onStartedLeading();
    log.clear();
    election.callbacks.onStoppedLeading();
    assertThat(operations()).containsExactly("bgp.withdraw", "address.remove");
    assertThat(routes.advertised()).isEmpty();
    assertThat(addresses.listOurs(LO)).isEmpty();
  }

  @Test
  void givenLeader_whenLocalApiUnhealthy_thenWithdrawnAndLeaseReleasedAndHealthyAgainCampaigns() {
    BgpControlPlane node = node(true);
    node.start();
    election.callbacks.onStartedLeading();
    node.apiHealthListener().unhealthy("3 failed checks");
    assertThat(routes.advertised()).isEmpty();
    assertThat(election.calls).containsExactly("run", "release");
    node.apiHealthListener().healthy();
    assertThat(election.calls).containsExactly("run", "release", "run");
    election.callbacks.onStartedLeading();
    assertThat(routes.advertised()).containsExactly(VIP);
  }

  @Test
  void givenEcmpNode_whenLocalApiUnhealthy_thenWithdrawnUntilHealthy() {
    BgpControlPlane node = node(false);
    node.start();
    node.apiHealthListener().unhealthy("down");
    assertThat(routes.advertised()).isEmpty();
    assertThat(node.status().advertising()).isFalse();
    node.apiHealthListener().healthy();
    assertThat(routes.advertised()).containsExactly(VIP);
    assertThat(election.calls).isEmpty();
  }

  @Test
  void givenLeader_whenShuttingDown_thenWithdrawnFirstThenLeaseReleasedAndNoReAdvertise() {
    BgpControlPlane node = node(true);
    node.start();
    election.callbacks.onStartedLeading();
    node.withdrawForShutdown();
    assertThat(routes.advertised()).isEmpty();
    assertThat(election.calls).containsExactly("run");
    node.releaseLease();
    assertThat(election.calls).containsExactly("run", "release");
    election.callbacks.onStartedLeading(); // a late callback must not bring the route back
    assertThat(routes.advertised()).isEmpty();
  }

  @Test
  void givenLeftoverVip_whenLeaseNotHeld_thenRemovedAtStart() {
    addresses.add(VIP, LO);
    assertThat(node(true).cleanUpLeftovers(false)).isEqualTo(1);
    assertThat(addresses.listOurs(LO)).isEmpty();
  }
}
