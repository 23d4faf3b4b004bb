// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.service.ClusterModel;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServicesController;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One process running the control plane (dual-stack VIP) and Services on one interface, at start-up: the two
 * clean-ups (tagged addresses left by an earlier run) must together remove exactly what nobody wants, whichever
 * starts first.
 */
class ControlPlaneWithServicesCleanUpTest {
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-cp-lock");
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-a");
  private static final VipAddress CP4 = VipAddress.parse("192.0.2.10");
  private static final VipAddress CP6 = VipAddress.parse("2001:db8::10");
  private static final VipAddress WANTED = VipAddress.parse("198.51.100.20");
  private static final VipAddress ORPHAN = VipAddress.parse("198.51.100.99");

  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final FakeL2AnnouncePort announcer = new FakeL2AnnouncePort(ETH0);
  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final ControlPlaneNode controlPlane = new ControlPlaneNode(
      new ControlPlaneSettings(LEASE, SELF.name(), List.of(CP4, CP6), ETH0, Duration.ofHours(1), false,
          Duration.ofSeconds(1), Duration.ofHours(1)),
      new FakeLeaderElectionPort(SELF.name()), addresses, announcer, InterfaceMonitor.NONE, DuplicateProbe.NONE,
      new ControlPlaneMeters(new SimpleMeterRegistry(), SELF.name(), LEASE), MetricsPort.NOOP, Clock.systemUTC());

  @AfterEach
  void stop() {
    controlPlane.releaseLease();
  }

  /** The Services side as the app builds it when cp_enable is on too: every control-plane VIP is left alone. */
  private ServicesController services() {
    ClusterModel model = new ClusterModel();
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    cluster.watch().upsert(new ServiceIntent(new ServiceRef("default", "web", "uid-web"), Optional.empty(),
        List.of(WANTED.hostText()), List.of(ServicePort.tcp(80)), null, null, null, Optional.empty(),
        Optional.empty(), false, false));
    cluster.watch().watch(model);
    FakeNodeLivenessPort live = new FakeNodeLivenessPort(new FakeLivenessCluster(), SELF);
    live.start((l, v) -> {});
    ServicesController c = new ServicesController(new ServicesSettings(SELF, ETH0, Optional.empty(), false,
        Optional.of(CP4), List.of(CP4, CP6)), model, live,
        new PlanExecutor(addresses, VipAnnouncer.l2(announcer), MetricsPort.NOOP), cluster.status(),
        MetricsPort.NOOP, Clock.systemUTC());
    c.serviceLeaseHolder(Optional.of(SELF));
    return c;
  }

  private void leftByEarlierRun() {
    addresses.add(CP4, ETH0);
    addresses.add(CP6, ETH0);
    addresses.add(ORPHAN, ETH0);
    addresses.add(WANTED, ETH0);
    addresses.log().clear();
  }

  @Test
  void givenControlPlaneStartsFirstStillHoldingItsLease_whenServicesPassRuns_thenOnlyTheOrphanIsRemoved() {
    leftByEarlierRun();

    controlPlane.cleanUpLeftovers(true);
    services().reconcile();

    assertThat(addresses.addresses(ETH0)).containsExactlyInAnyOrder(CP4, CP6, WANTED);
  }

  @Test
  void givenControlPlaneStartsFirstWithoutItsLease_whenServicesPassRuns_thenControlPlaneVipsAndOrphanGone() {
    leftByEarlierRun();
    controlPlane.leaveOtherAddressesToServices();

    controlPlane.cleanUpLeftovers(false);
    services().reconcile();

    assertThat(addresses.addresses(ETH0)).containsExactly(WANTED);
  }

  @Test
  void givenServicesStartFirst_whenControlPlaneCleansUpWithoutItsLease_thenTheServedServiceVipStays() {
    leftByEarlierRun();
    controlPlane.leaveOtherAddressesToServices();
    services().reconcile();

    controlPlane.cleanUpLeftovers(false);

    assertThat(addresses.addresses(ETH0)).containsExactly(WANTED);
    assertThat(addresses.log().calls("address.remove")).extracting(c -> c.arguments().get(0))
        .containsExactlyInAnyOrder(ORPHAN, CP4, CP6);
  }

  @Test
  void givenControlPlaneAlone_whenItCleansUpWithoutItsLease_thenEveryTaggedAddressOnItsInterfaceGoes() {
    leftByEarlierRun();

    assertThat(controlPlane.cleanUpLeftovers(false)).isEqualTo(4);

    assertThat(addresses.addresses(ETH0)).isEmpty();
  }
}
