// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.plan.Action;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.ports.in.ReconcileControlPlaneVipCommand;
import io.kubevip.ports.in.ReconcileOutcome;
import io.kubevip.testkit.fakes.CallLog;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeMetricsPort;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordedCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlPlaneVipServiceTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final VipAddress VIP = VipAddress.parse("192.0.2.10");
  private static final VipAddress VIP6 = VipAddress.parse("2001:db8::10");

  private final CallLog log = new CallLog();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(log, ETH0);
  private final FakeL2AnnouncePort arp = new FakeL2AnnouncePort(log, ETH0);
  private final FakeMetricsPort metrics = new FakeMetricsPort();
  private final StepClock clock = new StepClock(Duration.ofMillis(7));
  private final ControlPlaneVipService service =
      new ControlPlaneVipService(new PlanExecutor(addresses, VipAnnouncer.l2(arp), metrics), metrics, clock);

  private static ReconcileControlPlaneVipCommand serve(boolean serve) {
    return new ReconcileControlPlaneVipCommand(List.of(VIP, VIP6), ETH0, serve);
  }

  private List<RecordedCall> mutations() {
    return log.calls().stream().filter(c -> !c.operation().equals("address.listOurs")).toList();
  }

  @Test
  void givenNothing_whenServing_thenEachAddressAddedBeforeItIsAnnounced() {
    ReconcileOutcome outcome = service.reconcile(serve(true));
    assertThat(outcome.succeeded()).isTrue();
    assertThat(mutations()).containsExactly(
        RecordedCall.of("address.add", VIP, ETH0), RecordedCall.of("address.add", VIP6, ETH0),
        RecordedCall.of("l2.announce", VIP, ETH0), RecordedCall.of("l2.announce", VIP6, ETH0));
    assertThat(addresses.addresses(ETH0)).containsExactlyInAnyOrder(VIP, VIP6);
  }

  @Test
  void givenServing_whenReconciledAgain_thenNothingChanges() {
    service.reconcile(serve(true));
    log.clear();
    ReconcileOutcome again = service.reconcile(serve(true));
    assertThat(again.converged()).isTrue();
    assertThat(mutations()).isEmpty();
  }

  @Test
  void givenServingInBgpMode_whenStopped_thenWithdrawnBeforeRemoved() {
    FakeBgpAdvertisementPort bgp = new FakeBgpAdvertisementPort(log);
    ControlPlaneVipService bgpService =
        new ControlPlaneVipService(new PlanExecutor(addresses, VipAnnouncer.bgp(bgp), metrics), metrics, clock);
    bgpService.reconcile(serve(true));
    assertThat(bgp.advertised()).containsExactlyInAnyOrder(VIP, VIP6);
    log.clear();
    bgpService.reconcile(serve(false));
    assertThat(mutations()).containsExactly(
        RecordedCall.of("bgp.withdraw", Set.of(VIP)), RecordedCall.of("bgp.withdraw", Set.of(VIP6)),
        RecordedCall.of("address.remove", VIP, ETH0), RecordedCall.of("address.remove", VIP6, ETH0));
    assertThat(bgp.advertised()).isEmpty();
    assertThat(addresses.addresses(ETH0)).isEmpty();
  }

  @Test
  void givenWithdrawFails_whenStopped_thenAddressStillRemovedAndTheNextPassRetriesTheWithdraw() {
    FakeBgpAdvertisementPort bgp = new FakeBgpAdvertisementPort(log);
    ControlPlaneVipService bgpService =
        new ControlPlaneVipService(new PlanExecutor(addresses, VipAnnouncer.bgp(bgp), metrics), metrics, clock);
    bgpService.reconcile(serve(true));
    log.failAll("bgp.withdraw");
    ReconcileOutcome failed = bgpService.reconcile(serve(false));
    assertThat(failed.failures()).hasSize(2);
    assertThat(addresses.addresses(ETH0)).isEmpty();
    log.heal();
    log.clear();
    bgpService.reconcile(serve(false));
    assertThat(mutations()).containsExactly(RecordedCall.of("bgp.withdraw", Set.of(VIP)), RecordedCall.of("bgp.withdraw", Set.of(VIP6)));
    assertThat(bgp.advertised()).isEmpty();
  }

  @Test
  void givenAddressDeletedBehindOurBack_whenReconciled_thenReAddedAndReAnnounced() {
    service.reconcile(serve(true));
    addresses.deleteExternally(VIP, ETH0);
    log.clear();
    service.reconcile(serve(true));
    assertThat(mutations()).containsExactly(RecordedCall.of("address.add", VIP, ETH0), RecordedCall.of("l2.announce", VIP, ETH0));
  }

  @Test
  void givenLeftoverAddressAfterCrash_whenNotServing_thenRemovedWithoutAnnouncing() {
    addresses.add(VIP, ETH0);
    log.clear();
    service.reconcile(serve(false));
    assertThat(mutations()).containsExactly(RecordedCall.of("address.remove", VIP, ETH0));
  }

  @Test
  void givenAddFails_whenServing_thenAnnounceSkippedAndTheNextPassRetriesOnlyThat() {
    log.failOn(RecordedCall.of("address.add", VIP, ETH0));
    ReconcileOutcome first = service.reconcile(serve(true));
    assertThat(first.failures()).extracting(f -> f.action()).containsExactly(
        new Action.AddAddress(VipBinding.of(VIP, ETH0)), new Action.Announce(VipBinding.of(VIP, ETH0)));
    assertThat(arp.bursts(VIP, ETH0)).isZero();
    assertThat(arp.bursts(VIP6, ETH0)).isEqualTo(1);
    log.heal();
    log.clear();
    ReconcileOutcome second = service.reconcile(serve(true));
    assertThat(second.succeeded()).isTrue();
    assertThat(mutations()).containsExactly(RecordedCall.of("address.add", VIP, ETH0), RecordedCall.of("l2.announce", VIP, ETH0));
  }

  @Test
  void givenReconcile_whenDone_thenDurationFromTheInjectedClockReported() {
    service.reconcile(serve(true));
    assertThat(metrics.log().calls("metrics.reconcileCompleted")).containsExactly(
        RecordedCall.of("metrics.reconcileCompleted", "control-plane-vip", Duration.ofMillis(7), true));
    assertThat(metrics.log().calls("metrics.actionExecuted")).hasSize(4);
  }

  /** Advances by a fixed step on every read, so durations are exact without sleeping. */
  static final class StepClock extends Clock {
    private final Duration step;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    StepClock(Duration step) {
      this.step = step;
    }

    @Override
    public synchronized Instant instant() {
      Instant current = now;
      now = now.plus(step);
      return current;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
