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
import java.util.TreeMap;

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
  private final Optional<NodeId> self;
  // sorted as the snapshot keeps them, so copying one is linear (no comparisons)
  private final Map<String, ServiceIntent> services = new TreeMap<>();
  private final Map<String, Map<String, Set<NodeId>>> slices = new TreeMap<>();
  private final Map<NodeId, NodeInfo> nodes = new HashMap<>();
  private final Map<String, NodeId> hosts = new HashMap<>();
  private PoolConfig pools = PoolConfig.parse(null);
  private boolean synced;
  /** Counts the changes that call {@code onChange} (all but this node's own {@code vipHost} echo). */
  private long version;
  /** The last snapshot while it is current; every change clears it. */
  private ClusterState last;
  /** The snapshot {@link #lastClaims} were judged on (it may be older than {@link #last}). */
  private ClusterState claimsOf;
  /** The verdicts on {@link #claimsOf}. */
  private Map<ServiceRef, AddressClaim> lastClaims;

  public ClusterModel(Runnable onChange) {
    this(onChange, null);
  }

  /**
   * As {@link #ClusterModel(Runnable)}, except that a {@code kube-vip.io/vipHost} naming {@code self} does not call
   * {@code onChange}: this node wrote it after announcing (the echo of its own report) and nothing it decides depends
   * on seeing it, so the pass it would start finds nothing to do; the next pass reads it. At 1,000 Services being
   * created that was one pass in three on the node announcing them.
   */
  public ClusterModel(Runnable onChange, NodeId self) {
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.self = self == null ? Optional.empty() : Optional.of(self);
  }

  public ClusterModel() {
    this(() -> {});
  }

  /**
   * A consistent copy for one reconcile pass; the same copy again until something changes (a pass asks twice: the
   * allocator, then the announcer; copying thousands of Services each time is most of an idle pass).
   */
  public synchronized ClusterState snapshot() {
    if (last == null) {
      last = new ClusterState(services, slices, nodes, pools, hosts, synced);
    }
    return last;
  }

  /**
   * Grows with every change that calls {@code onChange}. Read before {@link #snapshot()}, it tells whether a later
   * snapshot can hold something a pass must act on: unchanged means nothing since, except this node's own
   * {@code vipHost} echoes.
   */
  public synchronized long version() {
    return version;
  }

  /**
   * {@link AddressClaims#resolve}'s verdicts for {@code state}, judged once per snapshot: the allocator and the
   * announcer of one pass (and the node labels) read the same ones. Judged outside the lock, so events keep flowing.
   */
  public Map<ServiceRef, AddressClaim> claims(ClusterState state) {
    synchronized (this) {
      if (state == claimsOf) {
        return lastClaims;
      }
    }
    Map<ServiceRef, AddressClaim> judged = java.util.Collections.unmodifiableMap(AddressClaims.resolve(state).claims());
    synchronized (this) {
      claimsOf = state;
      lastClaims = judged;
    }
    return judged;
  }

  // Under the lock: the snapshot is stale, and a pass must look again.
  private void changed() {
    last = null;
    version++;
  }

  @Override
  public void serviceUpserted(ServiceIntent service) {
    synchronized (this) {
      changed();
      services.put(service.service().key(), service);
    }
    onChange.run();
  }

  @Override
  public void serviceDeleted(ServiceRef service) {
    synchronized (this) {
      changed();
      services.remove(service.key());
      hosts.remove(service.key());
    }
    onChange.run();
  }

  @Override
  public void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {
    boolean echo = self.isPresent() && host.equals(self);
    synchronized (this) {
      last = null;
      if (!echo) {
        version++;
      }
      host.ifPresentOrElse(h -> hosts.put(service.key(), h), () -> hosts.remove(service.key()));
    }
    if (!echo) {
      onChange.run();
    }
  }

  @Override
  public void endpointsUpserted(EndpointNodes endpoints) {
    synchronized (this) {
      changed();
      slices.computeIfAbsent(endpoints.service().key(), k -> new HashMap<>())
          .put(endpoints.sliceName(), endpoints.readyNodes());
    }
    onChange.run();
  }

  @Override
  public void endpointsDeleted(ServiceRef service, String sliceName) {
    synchronized (this) {
      changed();
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
      changed();
      nodes.put(node.id(), node);
    }
    onChange.run();
  }

  @Override
  public void nodeDeleted(NodeId node) {
    synchronized (this) {
      changed();
      nodes.remove(node);
    }
    onChange.run();
  }

  @Override
  public void poolConfigChanged(PoolConfig config) {
    synchronized (this) {
      changed();
      pools = Objects.requireNonNull(config, "config");
    }
    onChange.run();
  }

  @Override
  public void synced() {
    synchronized (this) {
      changed();
      synced = true;
    }
    onChange.run();
  }
}
