// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.testkit.contract.ClusterWatchPortContract;
import java.util.Map;

@MockKubernetesApi(crud = true)
class KubernetesClusterWatchContractIT extends ClusterWatchPortContract<KubernetesClusterWatch> {
  KubernetesClient client;

  @Override
  protected KubernetesClusterWatch createPort() {
    return new KubernetesClusterWatch(client, ServiceWatchSettings.defaults());
  }

  @Override
  protected void applyService(KubernetesClusterWatch port, ServiceIntent service) {
    client.resource(KubeObjects.service(service)).createOr(NonDeletingOperation::update);
  }

  @Override
  protected void deleteService(KubernetesClusterWatch port, ServiceRef service) {
    client.services().inNamespace(service.namespace()).withName(service.name()).delete();
  }

  @Override
  protected void applyEndpoints(KubernetesClusterWatch port, EndpointNodes endpoints) {
    client.resource(KubeObjects.slice(endpoints)).createOr(NonDeletingOperation::update);
  }

  @Override
  protected void applyNode(KubernetesClusterWatch port, NodeInfo node) {
    client.resource(KubeObjects.node(node)).createOr(NonDeletingOperation::update);
  }

  @Override
  protected void applyPoolConfig(KubernetesClusterWatch port, Map<String, String> data) {
    client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("kube-system").withName("kubevip")
        .endMetadata().withData(data).build()).createOr(NonDeletingOperation::update);
  }
}
