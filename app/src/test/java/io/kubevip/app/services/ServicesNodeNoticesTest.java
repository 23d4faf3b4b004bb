// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import io.kubevip.testkit.fakes.RecordingLeadershipCallbacks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events for Services the watch could not take come from the {@code svc_leasename} holder only. */
class ServicesNodeNoticesTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-svcs-lock");
  private static final ServiceRef THEIRS = new ServiceRef("default", "theirs", "uid-theirs");
  private static final String REASON = "ignored: spec.loadBalancerClass is 'x.io/lb', expected 'kube-vip.io/kube-vip-class'";

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeLeaseStore leases = new FakeLeaseStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ServicesNode node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.withdrawForShutdown();
      node.stop();
    }
  }

  private void startNode() {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
    VipAnnouncer announcer = VipAnnouncer.l2(new FakeL2AnnouncePort(ETH0));
    Duration never = Duration.ofHours(1);
    node = new ServicesNode(new ServicesSettings(SELF, ETH0, Optional.empty(), false, Optional.empty()), LEASE,
        cluster.watch(), new FakeNodeLivenessPort(new FakeLivenessCluster(), SELF),
        new FakeLeaderElectionPort(leases, SELF.name()), cluster.status(),
        new ServiceAddressAllocator(cluster.status(), true, Duration.ZERO, Clock.systemUTC()),
        new PlanExecutor(addresses, announcer, MetricsPort.NOOP), announcer,
        new ServicesMeters(registry, SELF.name()), new ServicesNode.Timing(Duration.ofMillis(10), never, never),
        Clock.systemUTC());
    node.start();
  }

  private long passes() {
    return registry.get("kube_vip_service_reconcile_duration").timer().count();
  }

  @Test
  void givenThisNodeAllocates_whenServiceOfAnotherClassSeen_thenOneServiceIgnoredEvent() {
    startNode();
    await().atMost(Duration.ofSeconds(5)).until(() -> node.status().allocating());

    cluster.watch().ignore(THEIRS, REASON);
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of())); // another pass after it

    await().atMost(Duration.ofSeconds(5)).until(() -> !cluster.status().events(THEIRS).isEmpty());
    long after = passes();
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-3"), true, true, Map.of()));
    await().atMost(Duration.ofSeconds(5)).until(() -> passes() > after);
    assertThat(cluster.status().events(THEIRS)).singleElement().extracting(ServiceEvent::reason)
        .isEqualTo("ServiceIgnored");
  }

  @Test
  void givenAnotherNodeAllocates_whenServiceOfAnotherClassSeen_thenNoEventFromHere() {
    new FakeLeaderElectionPort(leases, "node-0").run(LEASE, new RecordingLeadershipCallbacks());
    startNode();
    long before = passes();

    cluster.watch().ignore(THEIRS, REASON);
    cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of()));

    await().atMost(Duration.ofSeconds(5)).until(() -> passes() > before);
    assertThat(cluster.status().events(THEIRS)).isEmpty();
  }
}
