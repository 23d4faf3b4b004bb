// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.fakes;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.ClusterWatchPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A cluster in memory. Tests change it with {@code upsert}/{@code delete}; open watches get the change at once
 * on the test's thread, new watches get the current state replayed and then {@code synced()}, as informers do.
 * The pool ConfigMap is replayed too, as an empty config while none has been set.
 */
public final class FakeClusterWatchPort implements ClusterWatchPort {
  private final Map<ServiceRef, ServiceIntent> services = new TreeMap<>();
  private final Map<String, EndpointNodes> endpoints = new TreeMap<>();
  private final Map<NodeId, NodeInfo> nodes = new TreeMap<>();
  private final Map<ServiceRef, NodeId> hosts = new TreeMap<>();
  private PoolConfig poolConfig = PoolConfig.parse(null);
  private final List<ClusterWatchListener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public Watch watch(ClusterWatchListener listener) {
    List<Runnable> replay = new ArrayList<>();
    synchronized (this) {
      services.values().forEach(s -> replay.add(() -> listener.serviceUpserted(s)));
      hosts.forEach((s, h) -> replay.add(() -> listener.serviceHostChanged(s, Optional.of(h))));
      endpoints.values().forEach(e -> replay.add(() -> listener.endpointsUpserted(e)));
      nodes.values().forEach(n -> replay.add(() -> listener.nodeUpserted(n)));
      PoolConfig pools = poolConfig;
      replay.add(() -> listener.poolConfigChanged(pools));
      listeners.add(listener);
    }
    replay.forEach(Runnable::run);
    listener.synced();
    return () -> listeners.remove(listener);
  }

  public void upsert(ServiceIntent service) {
    synchronized (this) {
      services.put(service.service(), service);
    }
    deliver(l -> l.serviceUpserted(service));
  }

  public void delete(ServiceRef service) {
    synchronized (this) {
      services.remove(service);
      hosts.remove(service);
    }
    deliver(l -> l.serviceDeleted(service));
  }

  /** The watch could not translate the Service ({@code serviceRejected}); open watches only, not replayed. */
  public void reject(ServiceRef service, String problem) {
    deliver(l -> l.serviceRejected(service, problem));
  }

  /** A Service of another load-balancer class ({@code serviceIgnored}); open watches only, not replayed. */
  public void ignore(ServiceRef service, String reason) {
    deliver(l -> l.serviceIgnored(service, reason));
  }

  /** Sets or clears the Service's {@code kube-vip.io/vipHost}, as a status write seen through the watch. */
  public void setHost(ServiceRef service, Optional<NodeId> host) {
    synchronized (this) {
      if (!services.containsKey(service)) {
        return;
      }
      host.ifPresentOrElse(h -> hosts.put(service, h), () -> hosts.remove(service));
    }
    deliver(l -> l.serviceHostChanged(service, host));
  }

  /** The Service as last upserted, if present. */
  public synchronized Optional<ServiceIntent> service(ServiceRef service) {
    return Optional.ofNullable(services.get(service));
  }

  /** Every Service present. */
  public synchronized List<ServiceIntent> services() {
    return List.copyOf(services.values());
  }

  public void upsert(EndpointNodes slice) {
    synchronized (this) {
      endpoints.put(slice.service().key() + "/" + slice.sliceName(), slice);
    }
    deliver(l -> l.endpointsUpserted(slice));
  }

  public void deleteEndpoints(ServiceRef service, String sliceName) {
    synchronized (this) {
      endpoints.remove(service.key() + "/" + sliceName);
    }
    deliver(l -> l.endpointsDeleted(service, sliceName));
  }

  public void upsert(NodeInfo node) {
    synchronized (this) {
      nodes.put(node.id(), node);
    }
    deliver(l -> l.nodeUpserted(node));
  }

  public void delete(NodeId node) {
    synchronized (this) {
      nodes.remove(node);
    }
    deliver(l -> l.nodeDeleted(node));
  }

  /** Sets the pool ConfigMap data; null deletes the ConfigMap. */
  public void upsertPoolConfig(Map<String, String> configMapData) {
    PoolConfig parsed = PoolConfig.parse(configMapData);
    synchronized (this) {
      poolConfig = parsed;
    }
    deliver(l -> l.poolConfigChanged(parsed));
  }

  /** Number of open watches. */
  public int watchers() {
    return listeners.size();
  }

  private void deliver(Consumer<ClusterWatchListener> event) {
    listeners.forEach(event);
  }
}
