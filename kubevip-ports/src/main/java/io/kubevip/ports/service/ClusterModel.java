// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory picture of the cluster that the Services use cases reconcile against, fed by the cluster watch.
 * Kept apart from the use cases so the allocator and the announcer read the same picture. Every change calls
 * {@code onChange}, where the caller schedules a (debounced) reconcile.
 *
 * <p>Threading: events arrive on the watch thread, {@link #snapshot()} is called from the reconcile thread; both
 * are synchronised. {@code onChange} runs on the watch thread and must not block.
 */
public final class ClusterModel implements ClusterWatchListener {
  private final Runnable onChange;
  private final Map<String, ServiceIntent> services = new HashMap<>();
  private final Map<String, Map<String, Set<NodeId>>> slices = new HashMap<>();
  private final Map<NodeId, NodeInfo> nodes = new HashMap<>();
  private final Map<String, NodeId> hosts = new HashMap<>();
  private PoolConfig pools = PoolConfig.parse(null);
  private boolean synced;

  public ClusterModel(Runnable onChange) {
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  public ClusterModel() {
    this(() -> {});
  }

  /** A consistent copy for one reconcile pass. */
  public synchronized ClusterState snapshot() {
    return new ClusterState(services, slices, nodes, pools, hosts, synced);
  }

  @Override
  public void serviceUpserted(ServiceIntent service) {
    synchronized (this) {
      services.put(service.service().key(), service);
    }
    onChange.run();
  }

  @Override
  public void serviceDeleted(ServiceRef service) {
    synchronized (this) {
      services.remove(service.key());
      hosts.remove(service.key());
    }
    onChange.run();
  }

  @Override
  public void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {
    synchronized (this) {
      host.ifPresentOrElse(h -> hosts.put(service.key(), h), () -> hosts.remove(service.key()));
    }
    onChange.run();
  }

  @Override
  public void endpointsUpserted(EndpointNodes endpoints) {
    synchronized (this) {
      slices.computeIfAbsent(endpoints.service().key(), k -> new HashMap<>())
          .put(endpoints.sliceName(), endpoints.readyNodes());
    }
    onChange.run();
  }

  @Override
  public void endpointsDeleted(ServiceRef service, String sliceName) {
    synchronized (this) {
      Map<String, Set<NodeId>> of = slices.get(service.key());
      if (of != null) {
        of.remove(sliceName);
        if (of.isEmpty()) {
          slices.remove(service.key());
        }
      }
    }
    onChange.run();
  }

  @Override
  public void nodeUpserted(NodeInfo node) {
    synchronized (this) {
      nodes.put(node.id(), node);
    }
    onChange.run();
  }

  @Override
  public void nodeDeleted(NodeId node) {
    synchronized (this) {
      nodes.remove(node);
    }
    onChange.run();
  }

  @Override
  public void poolConfigChanged(PoolConfig config) {
    synchronized (this) {
      pools = Objects.requireNonNull(config, "config");
    }
    onChange.run();
  }

  @Override
  public void synced() {
    synchronized (this) {
      synced = true;
    }
    onChange.run();
  }
}
