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
    // a label patched to null is gone on a real API server; some servers (fabric8's mock) keep the key with no value
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    if (node.getMetadata().getLabels() != null) {
      node.getMetadata().getLabels().forEach((k, v) -> {
        if (v != null) {
          labels.put(k, v);
        }
      });
    }
    return new NodeInfo(NodeId.of(node.getMetadata().getName()), ready, !cordoned, labels);
  }
}
