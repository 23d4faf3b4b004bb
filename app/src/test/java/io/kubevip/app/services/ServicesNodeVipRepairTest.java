// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static org.awaitility.Awaitility.await;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.plan.VipBinding;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLinkWatchPort;
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
 * A Service VIP deleted behind the node's back comes back at once, not at the next safety pass (an hour here), and a
 * VIP the node removes on purpose is left removed.
 */
class ServicesNodeVipRepairTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final VipAddress VIP = VipAddress.parse("192.0.2.50");
  private static final VipBinding BINDING = new VipBinding(VIP, ETH0);
  private static final ServiceRef WEB = new ServiceRef("default", "web", "uid-web");

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final FakeL2AnnouncePort l2 = new FakeL2AnnouncePort(ETH0);
  private final FakeLinkWatchPort linkWatch = new FakeLinkWatchPort(addresses);
  private ServicesNode node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.withdrawForShutdown();
      node.stop();
    }
  }

  private void startNode(InterfaceMonitor monitor) {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    cluster.watch().upsert(new ServiceIntent(WEB, Optional.empty(), List.of(VIP.hostText()),
        List.of(ServicePort.tcp(80)), null, null, null, Optional.empty(), Optional.empty(), false, false));
    FakeLivenessCluster liveness = new FakeLivenessCluster();
    VipAnnouncer announcer = VipAnnouncer.l2(l2);
    Duration never = Duration.ofHours(1);
    node = new ServicesNode(new ServicesSettings(SELF, ETH0, Optional.empty(), false, Optional.empty()),
        new LeaseName("kube-system", "plndr-svcs-lock"), cluster.watch(), new FakeNodeLivenessPort(liveness, SELF),
        new FakeLeaderElectionPort(SELF.name()), cluster.status(),
        new ServiceAddressAllocator(cluster.status(), true, Duration.ZERO, Clock.systemUTC()),
        new PlanExecutor(addresses, announcer, MetricsPort.NOOP), announcer,
        new ServicesMeters(new SimpleMeterRegistry(), SELF.name()),
        new ServicesNode.Timing(Duration.ofMillis(10), never, never), Clock.systemUTC(), InterfaceSubnetsPort.NONE,
        monitor);
    node.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> addresses.addresses(ETH0).contains(VIP));
  }

  @Test
  void givenAnnouncedServiceVip_whenDeletedBehindOurBack_thenAddedAndAnnouncedAgainAtOnce() {
    startNode(InterfaceMonitor.over(linkWatch));
    await().atMost(Duration.ofSeconds(5)).until(() -> linkWatch.guardedBindings().contains(BINDING));
    long bursts = l2.bursts(VIP, ETH0);

    linkWatch.deleteExternally(BINDING);

    await().atMost(Duration.ofSeconds(5)).until(() -> addresses.addresses(ETH0).contains(VIP));
    await().atMost(Duration.ofSeconds(5)).until(() -> l2.bursts(VIP, ETH0) > bursts);
  }

  @Test
  void givenAnnouncedServiceVip_whenServiceDeleted_thenRemovedAndUnguarded() {
    startNode(InterfaceMonitor.over(linkWatch));
    await().atMost(Duration.ofSeconds(5)).until(() -> linkWatch.guardedBindings().contains(BINDING));

    cluster.watch().delete(WEB);

    await().atMost(Duration.ofSeconds(5)).until(() -> !addresses.addresses(ETH0).contains(VIP)
        && linkWatch.guardedBindings().isEmpty());
  }
}
