// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.domain.service.ExternalTrafficPolicy;
import io.kubevip.domain.service.ServiceRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Service's resolved VIPs and what limits where they may be announced.
 *
 * @param service identity
 * @param vips addresses already resolved (requested or allocated from a pool)
 * @param trafficPolicy with {@code LOCAL}, only {@code endpointNodes} may announce
 * @param endpointNodes nodes with a ready endpoint of this Service
 * @param iface {@code kube-vip.io/serviceInterface}, empty for the default interface
 */
public record ServiceVips(
    ServiceRef service,
    List<VipAddress> vips,
    ExternalTrafficPolicy trafficPolicy,
    Set<NodeId> endpointNodes,
    Optional<InterfaceName> iface) {
  public ServiceVips {
    Objects.requireNonNull(service, "service");
    vips = List.copyOf(vips);
    trafficPolicy = trafficPolicy == null ? ExternalTrafficPolicy.CLUSTER : trafficPolicy;
    endpointNodes = Set.copyOf(endpointNodes == null ? Set.of() : endpointNodes);
    iface = iface == null ? Optional.empty() : iface;
  }

  public static ServiceVips cluster(ServiceRef service, List<VipAddress> vips) {
    return new ServiceVips(service, vips, ExternalTrafficPolicy.CLUSTER, Set.of(), Optional.empty());
  }
}
