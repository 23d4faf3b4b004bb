// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

/**
 * Watches Services, EndpointSlices and Nodes and delivers them as domain records (Kubernetes informers in
 * adapter-kubernetes). Which Services are relevant (type LoadBalancer, class, namespace) is adapter
 * configuration.
 *
 * <p>Caller: the app at startup. Threading: {@code watch} returns at once; events arrive on an adapter thread
 * as described in {@link ClusterWatchListener}. Idempotency: each {@code watch} is an independent
 * subscription that first replays the current state and then {@code synced()}; closing a closed watch is a no-op.
 */
public interface ClusterWatchPort {
  /** Subscribes {@code listener}; close the returned handle to stop. */
  Watch watch(ClusterWatchListener listener);

  /** A running subscription. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
