// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;

/**
 * Node → {@link NodeInfo}: Ready condition, cordon, labels. Labels are passed whole, so
 * {@code node.kubernetes.io/exclude-from-external-load-balancers} reaches placement with the rest.
 */
final class NodeTranslator {
  private NodeTranslator() {}

  static NodeInfo translate(Node node) {
    boolean ready = false;
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition c : node.getStatus().getConditions()) {
        if ("Ready".equals(c.getType())) {
          ready = "True".equals(c.getStatus());
        }
      }
    }
    boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return new NodeInfo(NodeId.of(node.getMetadata().getName()), ready, !cordoned, node.getMetadata().getLabels());
  }
}
