// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLivenessPort;
import java.util.Objects;
import java.util.Set;

/** One node's liveness against a {@link FakeLivenessCluster}; several instances on one cluster see each other. */
public final class FakeNodeLivenessPort implements NodeLivenessPort {
  private final FakeLivenessCluster cluster;
  private final NodeId self;

  public FakeNodeLivenessPort(FakeLivenessCluster cluster, NodeId self) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.self = Objects.requireNonNull(self, "self");
  }

  @Override
  public void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!cluster.start(self, listener)) {
      throw new IllegalStateException("liveness of " + self + " already started");
    }
    cluster.announceStart(self);
  }

  @Override
  public Set<NodeId> liveNodes() {
    return cluster.live();
  }

  @Override
  public boolean selfValid() {
    return cluster.selfValid(self);
  }

  @Override
  public void release() {
    cluster.release(self);
  }

  public NodeId self() {
    return self;
  }
}
