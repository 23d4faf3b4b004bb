// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.out;

import io.kubevip.domain.node.NodeId;
import java.util.Map;
import java.util.Set;

/**
 * Labels on a Node, so users can select the node that serves a VIP ({@code enable_node_labeling}: kube-vip's
 * {@code kube-vip.io/has-ip} and {@code service-provided.kube-vip.io/<svc>.<ns>}). Only the keys named are touched:
 * labels written by others (kubelet, users) stay as they are.
 *
 * <p>Caller: the control-plane and Services use cases, through {@code NodeLabelSync}. Threading: thread-safe.
 * Idempotency: setting a label to the value it has, or removing one that is absent, changes nothing; one call is one
 * write (a merge patch), so a set and a remove land together or not at all.
 */
public interface NodeLabelsPort {
  /**
   * Sets {@code set} and removes the keys in {@code remove} in one write.
   *
   * @throws PortException when the Node does not exist or the write is refused (the caller retries later)
   */
  void apply(NodeId node, Map<String, String> set, Set<String> remove);

  /**
   * The Node's labels now (empty when it has none).
   *
   * @throws PortException when the Node does not exist or cannot be read
   */
  Map<String, String> labels(NodeId node);

  /** Labelling off ({@code enable_node_labeling=false}): writes nothing, reads nothing. */
  NodeLabelsPort NONE = new NodeLabelsPort() {
    @Override
    public void apply(NodeId node, Map<String, String> set, Set<String> remove) {
      // labelling is off
    }

    @Override
    public Map<String, String> labels(NodeId node) {
      return Map.of();
    }
  };
}
