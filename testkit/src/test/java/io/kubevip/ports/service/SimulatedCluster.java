// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.ports.out.LeadershipCallbacks;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.testkit.fakes.FakeBgpAdvertisementPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLeaderElectionPort;
import io.kubevip.testkit.fakes.FakeLeaseStore;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import io.kubevip.testkit.fakes.FakeVipAddressPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Several simulated nodes sharing one fake cluster: Services and status (one API server), liveness Leases and the
 * {@code svc_leasename} Lease. Each node runs the real use cases (allocator, controller, plan executor) against its
 * own fake interface. {@link #converge()} runs passes on every running node until nothing changes.
 */
final class SimulatedCluster {
  static final InterfaceName ETH0 = InterfaceName.of("eth0");
  static final LeaseName SVC_LEASE = new LeaseName("kube-system", "plndr-svcs-lock");

  final SteppingClock clock = new SteppingClock();
  final FakeServiceCluster cluster = new FakeServiceCluster();
  final FakeLivenessCluster liveness = new FakeLivenessCluster();
  final FakeLeaseStore leases = new FakeLeaseStore(clock);
  final Map<NodeId, Node> nodes = new LinkedHashMap<>();
  private final boolean serviceElection;
  private final boolean bgp;

  final class Node {
    final NodeId id;
    final FakeVipAddressPort addresses = new FakeVipAddressPort(ETH0);
    final FakeL2AnnouncePort l2 = new FakeL2AnnouncePort(ETH0);
    final FakeBgpAdvertisementPort routes = new FakeBgpAdvertisementPort();
    final ClusterModel model = new ClusterModel();
    final FakeNodeLivenessPort live;
    final ServiceAddressAllocator allocator;
    final ServicesController controller;
    final FakeLeaderElectionPort election;
    boolean running = true;

    Node(NodeId id, Optional<VipAddress> controlPlaneVip) {
      this.id = id;
      live = new FakeNodeLivenessPort(liveness, id);
      allocator = new ServiceAddressAllocator(cluster.status(), true, Duration.ZERO, clock);
      ServiceAnnouncement announcement = bgp && !serviceElection ? ServiceAnnouncement.EVERY_ELIGIBLE_NODE
          : ServiceAnnouncement.SINGLE_OWNER;
      controller = new ServicesController(new ServicesSettings(id, ETH0, Optional.empty(), serviceElection,
          controlPlaneVip, announcement), model, live, new PlanExecutor(addresses, bgp ? VipAnnouncer.bgp(routes)
          : VipAnnouncer.l2(l2), MetricsPort.NOOP), cluster.status(), MetricsPort.NOOP, clock);
      election = new FakeLeaderElectionPort(leases, id.name());
    }

    void start() {
      cluster.watch().watch(model);
      live.start((l, v) -> {});
      election.run(SVC_LEASE, new LeadershipCallbacks() {
        @Override
        public void onStartedLeading() {
          allocator.leadershipGained();
        }

        @Override
        public void onStoppedLeading() {
          allocator.leadershipLost();
        }

        @Override
        public void onNewLeader(String identity) {
          controller.serviceLeaseHolder(Optional.of(NodeId.of(identity)));
        }
      });
    }

    Set<VipAddress> vips() {
      return addresses.addresses(ETH0);
    }
  }

  SimulatedCluster(boolean serviceElection, int nodeCount) {
    this(serviceElection, nodeCount, Optional.empty());
  }

  SimulatedCluster(boolean serviceElection, int nodeCount, Optional<VipAddress> controlPlaneVip) {
    this(serviceElection, nodeCount, controlPlaneVip, false);
  }

  /**
   * BGP mode: each node announces through its own fake speaker; without {@code svc_election} every eligible node
   * announces (ECMP), with it the placed owner only.
   */
  static SimulatedCluster bgp(boolean serviceElection, int nodeCount, Optional<VipAddress> controlPlaneVip) {
    return new SimulatedCluster(serviceElection, nodeCount, controlPlaneVip, true);
  }

  private SimulatedCluster(boolean serviceElection, int nodeCount, Optional<VipAddress> controlPlaneVip, boolean bgp) {
    this.serviceElection = serviceElection;
    this.bgp = bgp;
    for (int i = 1; i <= nodeCount; i++) {
      NodeId id = NodeId.of("node-" + i);
      cluster.watch().upsert(new NodeInfo(id, true, true, Map.of()));
      nodes.put(id, new Node(id, controlPlaneVip));
    }
  }

  SimulatedCluster start() {
    nodes.values().forEach(Node::start);
    return this;
  }

  Node node(int i) {
    return nodes.get(NodeId.of("node-" + i));
  }

  /** Runs passes on every running node until a full round changes nothing (at most 20 rounds). */
  int converge() {
    for (int round = 1; round <= 20; round++) {
      String before = fingerprint();
      for (Node n : nodes.values()) {
        if (n.running) {
          n.allocator.reconcile(n.model.snapshot());
          n.controller.reconcile();
        }
      }
      if (fingerprint().equals(before)) {
        return round;
      }
    }
    throw new AssertionError("no convergence after 20 rounds: " + fingerprint());
  }

  /** The process on {@code node} dies: no more passes, its liveness Lease expires everywhere, its lease campaign ends. */
  void kill(Node node) {
    node.running = false;
    liveness.kill(node.id);
    node.election.release(SVC_LEASE);
  }

  /** VIP → the running nodes advertising it over BGP. */
  Map<VipAddress, Set<NodeId>> advertisedBy() {
    Map<VipAddress, Set<NodeId>> out = new TreeMap<>();
    for (Node n : nodes.values()) {
      if (n.running) {
        n.routes.advertised().forEach(v -> out.computeIfAbsent(v, k -> new TreeSet<>()).add(n.id));
      }
    }
    return out;
  }

  /** VIP → the running nodes that have it on their interface. */
  Map<VipAddress, Set<NodeId>> servedBy() {
    Map<VipAddress, Set<NodeId>> out = new TreeMap<>();
    for (Node n : nodes.values()) {
      if (n.running) {
        n.vips().forEach(v -> out.computeIfAbsent(v, k -> new TreeSet<>()).add(n.id));
      }
    }
    return out;
  }

  private String fingerprint() {
    StringBuilder sb = new StringBuilder(servedBy().toString()).append(advertisedBy());
    cluster.watch().services().forEach(s -> sb.append(s.service()).append(s.requestedAddresses())
        .append(cluster.status().announcedBy(s.service())));
    return sb.toString();
  }
}
