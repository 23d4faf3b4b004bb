// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.out.PortException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link NodeLabelsPort} on the Node object. A JSON merge patch ({@code {"metadata":{"labels":{k: v, gone: null}}}})
 * sets and removes in one write without a resource version, so there is no read-modify-write race with the kubelet
 * or other writers, and a removed key that is already absent is simply nothing to do (kube-vip's JSON patch
 * {@code remove} fails on an absent key). Needs {@code patch} on {@code nodes}, which kube-vip's ClusterRole grants.
 */
public final class KubernetesNodeLabels implements NodeLabelsPort {
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private final KubernetesClient client;

  public KubernetesNodeLabels(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void apply(NodeId node, Map<String, String> set, Set<String> remove) {
    if (set.isEmpty() && remove.isEmpty()) {
      return;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    remove.forEach(k -> labels.put(k, null));
    labels.putAll(set);
    String patch = client.getKubernetesSerialization().asJson(Map.of("metadata", Map.of("labels", labels)));
    try {
      client.nodes().withName(node.name()).patch(MERGE, patch);
    } catch (KubernetesClientException e) {
      String why = e.getCode() == 404 ? "no such node" : "HTTP " + e.getCode() + " " + e.getMessage();
      throw new PortException("labelling node " + node.name() + " (" + patch + "): " + why, e);
    }
  }

  @Override
  public Map<String, String> labels(NodeId node) {
    Node n;
    try {
      n = client.nodes().withName(node.name()).get();
    } catch (KubernetesClientException e) {
      throw new PortException("reading the labels of node " + node.name() + ": HTTP " + e.getCode() + " "
          + e.getMessage(), e);
    }
    if (n == null) {
      throw new PortException("reading the labels of node " + node.name() + ": no such node");
    }
    return present(n.getMetadata() == null ? null : n.getMetadata().getLabels());
  }

  /** The labels with a value (fabric8's mock API server keeps merge-patched-away keys with a null value). */
  static Map<String, String> present(Map<String, String> labels) {
    Map<String, String> out = new HashMap<>();
    if (labels != null) {
      labels.forEach((k, v) -> {
        if (v != null) {
          out.put(k, v);
        }
      });
    }
    return Map.copyOf(out);
  }
}
