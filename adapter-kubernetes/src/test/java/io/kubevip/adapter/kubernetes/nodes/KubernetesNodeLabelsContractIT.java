// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.nodes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.node.NodeId;
import io.kubevip.testkit.contract.NodeLabelsPortContract;
import java.util.Map;

@MockKubernetesApi(crud = true)
class KubernetesNodeLabelsContractIT extends NodeLabelsPortContract<KubernetesNodeLabels> {
  KubernetesClient client;

  @Override
  protected KubernetesNodeLabels createPort() {
    return new KubernetesNodeLabels(client);
  }

  @Override
  protected void createNode(KubernetesNodeLabels port, NodeId node, Map<String, String> labels) {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node.name()).withLabels(labels).endMetadata()
        .build()).create();
  }

  // The mock API server applies a JSON merge patch without RFC 7386's "null deletes the member": a removed label stays
  // as key with a null value (which a real API server neither keeps nor allows). Null-valued keys count as absent.
  @Override
  protected Map<String, String> observedLabels(KubernetesNodeLabels port, NodeId node) {
    Node n = client.nodes().withName(node.name()).get();
    return KubernetesNodeLabels.present(n.getMetadata().getLabels());
  }
}
