// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import io.kubevip.ports.out.ServiceCondition;
import io.kubevip.ports.out.ServiceEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads back through the client what {@link KubernetesServiceStatus} wrote, as {@code kubectl} would see it. */
record StatusReader(KubernetesClient client) {
  ServiceRef ensureService(String ns, String name) {
    Service s = client.resource(KubeObjects.service(ns, name, "LoadBalancer", null, Map.of()))
        .createOr(NonDeletingOperation::update);
    return new ServiceRef(ns, name, s.getMetadata().getUid());
  }

  Service get(ServiceRef ref) {
    return client.services().inNamespace(ref.namespace()).withName(ref.name()).get();
  }

  List<VipAddress> ingress(ServiceRef ref) {
    Service s = get(ref);
    if (s == null || s.getStatus() == null || s.getStatus().getLoadBalancer() == null
        || s.getStatus().getLoadBalancer().getIngress() == null) {
      return List.of();
    }
    return s.getStatus().getLoadBalancer().getIngress().stream().map(i -> VipAddress.parse(i.getIp())).toList();
  }

  Optional<NodeId> host(ServiceRef ref) {
    Service s = get(ref);
    return Optional.ofNullable(s == null || s.getMetadata().getAnnotations() == null ? null
        : s.getMetadata().getAnnotations().get(KubeVipAnnotations.VIP_HOST)).map(NodeId::of);
  }

  List<ServiceCondition> conditions(ServiceRef ref) {
    Service s = get(ref);
    if (s == null || s.getStatus() == null || s.getStatus().getConditions() == null) {
      return List.of();
    }
    return s.getStatus().getConditions().stream()
        .map(c -> new ServiceCondition(c.getType(), "True".equals(c.getStatus()), c.getReason(), c.getMessage()))
        .toList();
  }

  List<io.fabric8.kubernetes.api.model.Event> rawEvents(ServiceRef ref) {
    return client.v1().events().inNamespace(ref.namespace()).list().getItems().stream()
        .filter(e -> ref.name().equals(e.getInvolvedObject().getName())
            && "Service".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  List<ServiceEvent> events(ServiceRef ref) {
    return rawEvents(ref).stream()
        .map(e -> new ServiceEvent("Warning".equals(e.getType()) ? ServiceEvent.Type.WARNING : ServiceEvent.Type.NORMAL,
            e.getReason(), e.getMessage()))
        .toList();
  }
}
