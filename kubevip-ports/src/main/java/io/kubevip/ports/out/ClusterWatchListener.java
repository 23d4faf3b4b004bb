// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.pool.PoolConfig;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import java.util.Optional;

/**
 * Receives the cluster objects kube-vip reacts to, already translated into domain records. Upserts carry the
 * full current object (level-triggered), so a listener that misses one event catches up on the next.
 *
 * <p>Threading: called on one adapter thread, serially, in cluster order per object. Must not block.
 */
public interface ClusterWatchListener {
  default void serviceUpserted(ServiceIntent service) {}

  default void serviceDeleted(ServiceRef service) {}

  /**
   * The Service's {@code kube-vip.io/vipHost} annotation (the node that last recorded announcing it) was seen or
   * changed; empty when absent or cleared. Delivered after the upsert of the same object. Break-before-make reads it:
   * a new owner waits until the old one has cleared or changed it (see {@code ServicesController}).
   */
  default void serviceHostChanged(ServiceRef service, Optional<NodeId> host) {}

  /**
   * A Service passed the filters but could not be translated (a value the API server would refuse, or a bug).
   * The adapter logs it and carries on; the last upsert delivered for {@code service}, if any, stays in effect, so a
   * bad edit does not withdraw a working VIP.
   *
   * @param problem names the field, the value and what was expected
   */
  default void serviceRejected(ServiceRef service, String problem) {}

  /**
   * A {@code type: LoadBalancer} Service names a {@code spec.loadBalancerClass} that is not ours, so another
   * implementation serves it and nothing else is delivered for it. Reported once per Service (uid) and reason, so a
   * listener may tell the user (an Event) without repeating itself.
   *
   * @param reason names the class seen and the class expected
   */
  default void serviceIgnored(ServiceRef service, String reason) {}

  default void endpointsUpserted(EndpointNodes endpoints) {}

  default void endpointsDeleted(ServiceRef service, String sliceName) {}

  default void nodeUpserted(NodeInfo node) {}

  default void nodeDeleted(NodeId node) {}

  /**
   * The address-pool ConfigMap (kube-vip-cloud-provider's {@code kube-system/kubevip}) was seen, changed or deleted;
   * a deleted or absent ConfigMap arrives as {@code PoolConfig.parse(null)} (no pools). Problems in the data are in
   * {@link PoolConfig#problems()}, not thrown.
   */
  default void poolConfigChanged(PoolConfig config) {}

  /** The initial listing is complete: what was delivered so far is the whole cluster state. */
  default void synced() {}
}
