// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubevip.adapter.kubernetes.MockKubernetesApi;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import io.kubevip.testkit.contract.ServiceStatusPortContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

@MockKubernetesApi(crud = true)
class KubernetesServiceStatusContractIT extends ServiceStatusPortContract<KubernetesServiceStatus> {
  KubernetesClient client;

  private StatusReader reader() {
    return new StatusReader(client);
  }

  /** Stops the port's Event thread before the mock API server goes, so no write of it outlives the server. */
  @AfterEach
  void closePort() {
    port.close();
  }

  @Override
  protected KubernetesServiceStatus createPort() {
    return new KubernetesServiceStatus(client, NodeId.of("node-a"));
  }

  @Override
  protected ServiceRef existingService(KubernetesServiceStatus port) {
    return reader().ensureService("default", "web");
  }

  @Override
  protected List<VipAddress> observedIngress(KubernetesServiceStatus port, ServiceRef service) {
    return reader().ingress(service);
  }

  @Override
  protected Optional<NodeId> observedHost(KubernetesServiceStatus port, ServiceRef service) {
    return reader().host(service);
  }

  @Override
  protected List<ServiceCondition> observedConditions(KubernetesServiceStatus port, ServiceRef service) {
    return reader().conditions(service);
  }

  @Override
  protected List<ServiceEvent> observedEvents(KubernetesServiceStatus port, ServiceRef service) {
    return reader().events(service);
  }

  @Override
  protected List<VipAddress> observedAllocation(KubernetesServiceStatus port, ServiceRef service) {
    var s = reader().get(service);
    String value = s == null || s.getMetadata().getAnnotations() == null ? null
        : s.getMetadata().getAnnotations().get(KubeVipAnnotations.LOADBALANCER_IPS);
    return value == null || value.isBlank() ? List.of()
        : java.util.Arrays.stream(value.split(",")).map(String::trim).map(VipAddress::parse).toList();
  }
}
