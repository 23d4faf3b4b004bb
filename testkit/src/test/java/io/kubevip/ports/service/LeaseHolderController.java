// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.ports.out.MetricsPort;
import io.kubevip.ports.out.ServiceStatusPort;
import io.kubevip.ports.out.VipAddressPort;
import io.kubevip.testkit.fakes.FakeL2AnnouncePort;
import io.kubevip.testkit.fakes.FakeLivenessCluster;
import io.kubevip.testkit.fakes.FakeNodeLivenessPort;
import io.kubevip.testkit.fakes.FakeServiceCluster;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A controller for {@code self}, a Ready node with a valid liveness Lease that holds {@code svc_leasename} (so it
 * announces every Cluster-policy VIP on {@code iface}), fed by {@code cluster}'s watch through {@code model}.
 */
final class LeaseHolderController {
  private LeaseHolderController() {}

  static ServicesController create(FakeServiceCluster cluster, ClusterModel model, NodeId self, InterfaceName iface,
      VipAddressPort addresses, ServiceStatusPort status, Clock clock) {
    FakeNodeLivenessPort live = new FakeNodeLivenessPort(new FakeLivenessCluster(), self);
    live.start((l, v) -> {});
    cluster.watch().upsert(new NodeInfo(self, true, true, Map.of()));
    cluster.watch().watch(model);
    ServicesController c = new ServicesController(new ServicesSettings(self, iface, Optional.empty(), false,
        Optional.empty()), model, live, new PlanExecutor(addresses, VipAnnouncer.l2(new FakeL2AnnouncePort(iface)),
        MetricsPort.NOOP), status, MetricsPort.NOOP, clock);
    c.serviceLeaseHolder(Optional.of(self));
    return c;
  }
}
