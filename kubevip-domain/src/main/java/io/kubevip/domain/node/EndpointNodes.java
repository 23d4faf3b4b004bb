// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.node;

import io.kubevip.domain.service.ServiceRef;
import java.util.Objects;
import java.util.Set;

/**
 * The nodes that run a ready endpoint of a Service, from one EndpointSlice. With
 * {@code externalTrafficPolicy: Local} only these nodes may announce the Service's VIPs, otherwise traffic
 * arriving at the VIP is dropped.
 *
 * @param service the Service the slice belongs to ({@code kubernetes.io/service-name})
 * @param sliceName the EndpointSlice name; a Service may have several slices
 * @param readyNodes nodes with at least one ready endpoint in this slice
 */
public record EndpointNodes(ServiceRef service, String sliceName, Set<NodeId> readyNodes) {
  public EndpointNodes {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(sliceName, "sliceName");
    readyNodes = Set.copyOf(readyNodes == null ? Set.of() : readyNodes);
  }
}
