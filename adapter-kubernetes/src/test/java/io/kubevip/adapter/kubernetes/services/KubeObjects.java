// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.node.NodeInfo;
import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServicePort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the fabric8 objects the tests put into the mock API server. */
final class KubeObjects {
  private KubeObjects() {}

  static Service service(ServiceIntent intent) {
    Map<String, String> annotations = new HashMap<>();
    if (!intent.requestedAddresses().isEmpty()) {
      annotations.put(KubeVipAnnotations.LOADBALANCER_IPS, String.join(",", intent.requestedAddresses()));
    }
    if (intent.ignored()) {
      annotations.put(KubeVipAnnotations.IGNORE, "true");
    }
    List<io.fabric8.kubernetes.api.model.ServicePort> ports = new ArrayList<>();
    for (ServicePort p : intent.ports()) {
      ports.add(new io.fabric8.kubernetes.api.model.ServicePortBuilder()
          .withProtocol(p.protocol().name()).withPort(p.port()).build());
    }
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(intent.service().namespace()).withName(intent.service().name())
        .withUid(intent.service().uid()).withAnnotations(annotations).endMetadata()
        .withNewSpec().withType("LoadBalancer").withPorts(ports)
        .withLoadBalancerClass(intent.loadBalancerClass().orElse(null))
        .withExternalTrafficPolicy(intent.trafficPolicy() == io.kubevip.domain.service.ExternalTrafficPolicy.LOCAL
            ? "Local" : "Cluster")
        .endSpec()
        .build();
  }

  static Service service(String ns, String name, String type, String lbClass, Map<String, String> annotations) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withUid("uid-" + name).withAnnotations(annotations)
        .endMetadata()
        .withNewSpec().withType(type).withLoadBalancerClass(lbClass)
        .addNewPort().withProtocol("TCP").withPort(80).endPort()
        .endSpec()
        .build();
  }

  static EndpointSlice slice(EndpointNodes e) {
    return slice(e.service().namespace(), e.service().name(), e.service().uid(), e.sliceName(),
        e.readyNodes().stream().map(NodeId::name).sorted().toList(), List.of());
  }

  static EndpointSlice slice(String ns, String service, String uid, String sliceName, List<String> readyNodes,
      List<String> notReadyNodes) {
    EndpointSliceBuilder b = new EndpointSliceBuilder()
        .withNewMetadata().withNamespace(ns).withName(sliceName)
        .withLabels(Map.of(KubeVipAnnotations.SERVICE_NAME_LABEL, service))
        .addNewOwnerReference().withApiVersion("v1").withKind("Service").withName(service).withUid(uid)
        .endOwnerReference()
        .endMetadata()
        .withAddressType("IPv4");
    int i = 1;
    for (String n : readyNodes) {
      b.addToEndpoints(new EndpointBuilder().withAddresses("10.244.0." + i++).withNodeName(n)
          .withNewConditions().withReady(true).endConditions().build());
    }
    for (String n : notReadyNodes) {
      b.addToEndpoints(new EndpointBuilder().withAddresses("10.244.0." + i++).withNodeName(n)
          .withNewConditions().withReady(false).endConditions().build());
    }
    return b.build();
  }

  static Node node(NodeInfo info) {
    return new NodeBuilder()
        .withNewMetadata().withName(info.id().name()).withLabels(info.labels()).endMetadata()
        .withNewSpec().withUnschedulable(!info.schedulable()).endSpec()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(info.ready() ? "True" : "False").endCondition()
        .endStatus()
        .build();
  }

  static Set<String> names(Set<NodeId> nodes) {
    Set<String> out = new java.util.TreeSet<>();
    nodes.forEach(n -> out.add(n.name()));
    return out;
  }
}
