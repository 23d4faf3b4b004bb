// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubevip.domain.node.EndpointNodes;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ServiceRef;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One EndpointSlice → {@link EndpointNodes} for that slice alone. Each slice is delivered on its own, named, so a
 * Service with several slices (over 100 endpoints, or one per address family) keeps all of them; kube-vip keeps only
 * the last slice it received ({@code pkg/endpoints/providers/endpointslices.go LoadObject}) and so can miss the local
 * endpoint.
 */
final class EndpointSliceTranslator {
  private EndpointSliceTranslator() {}

  /** {@code namespace/name} of the slice's Service ({@code kubernetes.io/service-name}); empty for a hand-made slice. */
  static Optional<String> serviceKey(EndpointSlice slice) {
    if (slice.getMetadata() == null || slice.getMetadata().getLabels() == null) {
      return Optional.empty();
    }
    String name = slice.getMetadata().getLabels().get(KubeVipAnnotations.SERVICE_NAME_LABEL);
    String ns = slice.getMetadata().getNamespace();
    return name == null || name.isBlank() || ns == null ? Optional.empty() : Optional.of(ns + "/" + name);
  }

  /** The uid in the slice's owner reference to its Service, if it has one (the EndpointSlice controller sets it). */
  static Optional<String> ownerUid(EndpointSlice slice, String serviceName) {
    if (slice.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    for (OwnerReference o : slice.getMetadata().getOwnerReferences()) {
      if ("Service".equals(o.getKind()) && serviceName.equals(o.getName()) && o.getUid() != null && !o.getUid().isEmpty()) {
        return Optional.of(o.getUid());
      }
    }
    return Optional.empty();
  }

  /** The slice's nodes with a ready endpoint ({@code conditions.ready} unset counts as ready, as the API says). */
  static EndpointNodes translate(ServiceRef service, EndpointSlice slice) {
    Set<NodeId> ready = new HashSet<>();
    if (slice.getEndpoints() != null) {
      for (Endpoint e : slice.getEndpoints()) {
        boolean isReady = e.getConditions() == null || e.getConditions().getReady() == null
            || e.getConditions().getReady();
        if (isReady && e.getNodeName() != null && !e.getNodeName().isBlank()) {
          ready.add(NodeId.of(e.getNodeName()));
        }
      }
    }
    return new EndpointNodes(service, slice.getMetadata().getName(), ready);
  }
}
