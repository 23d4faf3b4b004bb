// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ForwardingServiceStatusPort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.ServiceStatusPort;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One new Service costs the announcing node one pass: the pass allocates, sees its own write's result and announces;
 * the change event of that write asks for no second pass, since the picture is the one just reconciled. A change
 * the pass did not see still gets its pass.
 */
class ServicesNodePassesTest {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final NodeId SELF = NodeId.of("node-1");
  private static final LeaseName LEASE = new LeaseName("kube-system", "plndr-svcs-lock");

  private final FakeServiceCluster cluster = new FakeServiceCluster();
  private final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ServicesNode node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.withdrawForShutdown();
      node.stop();
    }
  }

  private long passes() {
    return registry.get("kube_vip_service_reconcile_duration").timer().count();
  }

  private static ServiceIntent service(String name) {
    return ServiceIntent.of(new ServiceRef("default", name, "uid-" + name), List.of(),
        List.of(ServicePort.tcp(80)));
  }

  private void startNode(ServiceStatusPort allocatorWrites) {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    cluster.watch().upsertPoolConfig(Map.of("range-global", "10.0.0.50-10.0.0.60"));
    VipAnnouncer announcer = VipAnnouncer.l2(new FakeL2AnnouncePort(ETH0));
    Duration never = Duration.ofHours(1);
    node = new ServicesNode(new ServicesSettings(SELF, ETH0, Optional.empty(), false, Optional.empty()), LEASE,
        cluster.watch(), new FakeNodeLivenessPort(new FakeLivenessCluster(), SELF),
        new FakeLeaderElectionPort(new FakeLeaseStore(), SELF.name()), cluster.status(),
        new ServiceAddressAllocator(allocatorWrites, true, Duration.ZERO, Clock.systemUTC()),
        new PlanExecutor(addresses, announcer, MetricsPort.NOOP), announcer,
        new ServicesMeters(registry, SELF.name()), new ServicesNode.Timing(Duration.ofMillis(10), never, never),
        Clock.systemUTC());
    node.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> node.status().allocating());
    long quiet = passes();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> passes() == quiet);
  }

  private void awaitNoMorePasses() {
    long[] seen = {passes()};
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> {
      long now = passes();
      boolean same = now == seen[0];
      seen[0] = now;
      return same;
    });
  }

  @Test
  void givenANewService_whenAllocatedAndAnnounced_thenOnePass_andAnotherChangeStillGetsOne() {
    startNode(cluster.status());
    long before = passes();

    cluster.watch().upsert(service("web"));

    await().atMost(Duration.ofSeconds(5)).until(() -> addresses.addresses(ETH0).contains(VipAddress.parse("10.0.0.50"))
        && cluster.status().announcedBy(new ServiceRef("default", "web", "uid-web")).equals(Optional.of(SELF)));
    awaitNoMorePasses();
    assertThat(passes() - before).as("passes for one new Service").isEqualTo(1);

    cluster.watch().upsert(new NodeInfo(NodeId.of("node-2"), true, true, Map.of()));
    await().atMost(Duration.ofSeconds(3)).until(() -> passes() == before + 2);
    assertThat(node.status().announced()).isEqualTo(1);
  }

  @Test
  void givenAServiceCreatedWhileTheAllocatorWrites_whenThePassEnds_thenTheNextPassAllocatesIt() {
    AtomicBoolean first = new AtomicBoolean(true);
    startNode(new ForwardingServiceStatusPort(cluster.status()) {
      @Override
      public void recordAllocation(ServiceRef service, List<VipAddress> addresses) {
        super.recordAllocation(service, addresses);
        if (first.getAndSet(false)) {
          // after the allocator looked, before the announcer plans: the pass sees it unallocated
          cluster.watch().upsert(service("late"));
        }
      }
    });

    cluster.watch().upsert(service("web"));

    ServiceRef late = new ServiceRef("default", "late", "uid-late");
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.status().announcedBy(late).equals(Optional.of(SELF)));
    assertThat(cluster.addressesOf(late)).containsExactly("10.0.0.51");
    assertThat(addresses.addresses(ETH0)).contains(VipAddress.parse("10.0.0.50"), VipAddress.parse("10.0.0.51"));
  }
}
