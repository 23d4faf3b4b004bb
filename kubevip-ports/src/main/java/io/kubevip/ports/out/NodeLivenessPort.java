// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.NodeId;
import java.util.Set;

/**
 * One liveness Lease per node ({@code kubevip-node-<name>}) instead of kube-vip's Lease per Service: election
 * writes grow with nodes, not Services (at most one renewal per node per retry period). Every node renews its own
 * Lease and observes the others'; a peer is live while its Lease, as observed on <em>this</em> node's clock, has not
 * expired (expiry by observation, as in leader election, so clock skew between nodes does not matter).
 *
 * <p>Fencing: {@link #selfValid()} turns false once this node's own renewals have failed for longer than the renew
 * deadline, before peers may consider it dead; a node that is not self-valid must withdraw every VIP.
 *
 * <p>Caller: the Services controller. Threading: {@code start} returns at once; the adapter renews and observes on
 * its own thread and calls the listener there. Queries are thread-safe. Idempotency: {@code start} twice is refused
 * with {@link IllegalStateException}; {@code release} when not started is a no-op.
 */
public interface NodeLivenessPort {
  /** Starts renewing this node's Lease and observing peers; {@code listener} hears every change of the live set. */
  void start(Listener listener);

  /** Nodes whose liveness Lease is valid now, this node included while {@link #selfValid()}. */
  Set<NodeId> liveNodes();

  /** False once this node's own renewals failed beyond the renew deadline (or before the first renewal). */
  boolean selfValid();

  /** Stops renewing and gives the Lease up (empty holder) so peers take this node's VIPs over at once (SIGTERM). */
  void release();

  /** Hears changes; must return promptly (typically: schedule a reconcile). */
  @FunctionalInterface
  interface Listener {
    void livenessChanged(Set<NodeId> liveNodes, boolean selfValid);
  }
}
