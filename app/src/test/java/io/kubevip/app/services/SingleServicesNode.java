// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.NodeLabelsPort;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ServicesNode} over fakes, as the node's unit tests build it: {@link #SELF}, Ready, alone in the cluster
 * unless a test adds others, holding {@code plndr-svcs-lock} (its own Lease store) and allocating, with an hour
 * between safety passes and between re-announcements. A test changes a part before {@link #start()}; after each
 * test the node withdraws, then stops (the order of a SIGTERM).
 */
final class SingleServicesNode implements AfterEachCallback {
  static final InterfaceName ETH0 = InterfaceName.of("eth0");
  static final NodeId SELF = NodeId.of("node-1");
  static final LeaseName LEASE = new LeaseName("kube-system", "plndr-svcs-lock");
  private static final Duration NEVER = Duration.ofHours(1);

  final FakeServiceCluster cluster = new FakeServiceCluster();
  final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
  final FakeL2AnnouncePort l2 = new FakeL2AnnouncePort(ETH0);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private FakeLivenessCluster liveness = new FakeLivenessCluster();
  private LeaderElectionPort election = new FakeLeaderElectionPort(new FakeLeaseStore(), SELF.name());
  private ServiceStatusPort reports = cluster.status();
  private ServiceStatusPort allocatorWrites = cluster.status();
  private boolean allocating = true;
  private Duration safetyPeriod = NEVER;
  private InterfaceMonitor monitor = InterfaceMonitor.NONE;
  private NodeLabelsPort labels = NodeLabelsPort.NONE;
  private ServicesNode node;

  /** The liveness Leases this node's {@link FakeNodeLivenessPort} shares with other test nodes. */
  SingleServicesNode liveness(FakeLivenessCluster shared) {
    liveness = Objects.requireNonNull(shared);
    return this;
  }

  SingleServicesNode election(LeaderElectionPort port) {
    election = Objects.requireNonNull(port);
    return this;
  }

  /** Where the node's vipHost, ingress and condition reports go (default: the cluster's status port). */
  SingleServicesNode reports(ServiceStatusPort port) {
    reports = Objects.requireNonNull(port);
    return this;
  }

  /** Where the allocator's writes go (default: the cluster's status port). */
  SingleServicesNode allocatorWrites(ServiceStatusPort port) {
    allocatorWrites = Objects.requireNonNull(port);
    return this;
  }

  /** False: built-in IPAM off (Services name their addresses). */
  SingleServicesNode allocating(boolean enabled) {
    allocating = enabled;
    return this;
  }

  SingleServicesNode safetyPeriod(Duration period) {
    safetyPeriod = Objects.requireNonNull(period);
    return this;
  }

  SingleServicesNode monitor(InterfaceMonitor interfaceMonitor) {
    monitor = Objects.requireNonNull(interfaceMonitor);
    return this;
  }

  SingleServicesNode labelling(NodeLabelsPort port) {
    labels = Objects.requireNonNull(port);
    return this;
  }

  /** Adds {@link #SELF} (Ready) to the cluster, starts the node and returns it. */
  ServicesNode start() {
    cluster.watch().upsert(new NodeInfo(SELF, true, true, Map.of()));
    VipAnnouncer announcer = VipAnnouncer.l2(l2);
    node = new ServicesNode(new ServicesSettings(SELF, ETH0, Optional.empty(), false, Optional.empty()), LEASE,
        cluster.watch(), new FakeNodeLivenessPort(liveness, SELF), election, reports,
        new ServiceAddressAllocator(allocatorWrites, allocating, Duration.ZERO, Clock.systemUTC()),
        new PlanExecutor(addresses, announcer, MetricsPort.NOOP), announcer, new ServicesMeters(registry, SELF.name()),
        new ServicesNode.Timing(Duration.ofMillis(10), safetyPeriod, NEVER), Clock.systemUTC(),
        InterfaceSubnetsPort.NONE, monitor).labelling(labels);
    node.start();
    return node;
  }

  /** Passes completed so far ({@code kube_vip_service_reconcile_duration}). */
  long passes() {
    return registry.get("kube_vip_service_reconcile_duration").timer().count();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (node != null) {
      node.withdrawForShutdown();
      node.stop();
    }
  }
}
