// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.service;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ClusterWatchListener;
import io.kubevip.ports.out.PortException;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.ports.out.ServiceStatusPort;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the user, as Events on the Service, about Services the watch could not take: a value the API server would
 * refuse ({@code ServiceRejected}, Warning, naming field and value) and a load-balancer class that is not ours
 * ({@code ServiceIgnored}, Normal). The watch reports these on every node; only the node that allocates (the
 * {@code svc_leasename} holder) calls {@link #report}, so the cluster gets one Event per Service and problem, not one
 * per node. A problem is reported once per Service (uid) and text; an accepted or deleted Service forgets it.
 *
 * <p>Threading: the {@link #tee} listener runs on the watch thread, {@link #report} on the reconcile thread; both
 * are synchronised and the Events are written outside the lock.
 */
public final class ServiceNotices {
  static final String REJECTED = "ServiceRejected";
  static final String IGNORED = "ServiceIgnored";

  private record Notice(ServiceRef service, ServiceEvent event) {}

  private final Map<String, Notice> current = new LinkedHashMap<>();
  private final Map<String, Notice> reported = new HashMap<>();

  /** A listener that passes everything on to {@code downstream} and keeps the problems for {@link #report}. */
  public ClusterWatchListener tee(ClusterWatchListener downstream) {
    Objects.requireNonNull(downstream, "downstream");
    return new ClusterWatchListener() {
      @Override
      public void serviceUpserted(ServiceIntent service) {
        forget(service.service());
        downstream.serviceUpserted(service);
      }

      @Override
      public void serviceDeleted(ServiceRef service) {
        forget(service);
        downstream.serviceDeleted(service);
      }

      @Override
      public void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {
        downstream.serviceHostChanged(service, host);
      }

      @Override
      public void serviceRejected(ServiceRef service, String problem) {
        keep(service, ServiceEvent.warning(REJECTED, "rejected: " + problem
            + "; the last valid version of the Service, if any, stays in effect"));
        downstream.serviceRejected(service, problem);
      }

      @Override
      public void serviceIgnored(ServiceRef service, String reason) {
        keep(service, ServiceEvent.normal(IGNORED, reason));
        downstream.serviceIgnored(service, reason);
      }

      @Override
      public void endpointsUpserted(EndpointNodes endpoints) {
        downstream.endpointsUpserted(endpoints);
      }

      @Override
      public void endpointsDeleted(ServiceRef service, String sliceName) {
        downstream.endpointsDeleted(service, sliceName);
      }

      @Override
      public void nodeUpserted(NodeInfo node) {
        downstream.nodeUpserted(node);
      }

      @Override
      public void nodeDeleted(NodeId node) {
        downstream.nodeDeleted(node);
      }

      @Override
      public void poolConfigChanged(PoolConfig config) {
        downstream.poolConfigChanged(config);
      }

      @Override
      public void synced() {
        downstream.synced();
      }
    };
  }

  /**
   * Records an Event for every problem not reported yet. Call only on the allocating node.
   *
   * @return how many Events were recorded
   */
  public int report(ServiceStatusPort status) {
    Map<String, Notice> fresh = new LinkedHashMap<>();
    synchronized (this) {
      current.forEach((key, n) -> {
        if (!n.equals(reported.get(key))) {
          fresh.put(key, n);
        }
      });
    }
    int recorded = 0;
    for (Map.Entry<String, Notice> e : fresh.entrySet()) {
      try {
        status.recordEvent(e.getValue().service(), e.getValue().event());
        recorded++;
        synchronized (this) {
          if (e.getValue().equals(current.get(e.getKey()))) {
            reported.put(e.getKey(), e.getValue());
          }
        }
      } catch (PortException ex) {
        // not remembered as reported: the next pass tries again
      }
    }
    return recorded;
  }

  /** Whether {@link #report} has something to record. */
  public synchronized boolean unreported() {
    for (Map.Entry<String, Notice> e : current.entrySet()) {
      if (!e.getValue().equals(reported.get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private synchronized void keep(ServiceRef service, ServiceEvent event) {
    current.put(service.key(), new Notice(service, event));
  }

  private synchronized void forget(ServiceRef service) {
    current.remove(service.key());
    reported.remove(service.key());
  }
}
