// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;

/**
 * Receives the cluster objects kube-vip reacts to, already translated into domain records. Upserts carry the
 * full current object (level-triggered), so a listener that misses one event catches up on the next.
 *
 * <p>Threading: called on one adapter thread, serially, in cluster order per object. Must not block.
 */
public interface ClusterWatchListener {
  default void serviceUpserted(ServiceIntent service) {}

  default void serviceDeleted(ServiceRef service) {}

  default void endpointsUpserted(EndpointNodes endpoints) {}

  default void endpointsDeleted(ServiceRef service, String sliceName) {}

  default void nodeUpserted(NodeInfo node) {}

  default void nodeDeleted(NodeId node) {}

  /** The initial listing is complete: what was delivered so far is the whole cluster state. */
  default void synced() {}
}
