// SPDX-License-Identifier: Apache-2.0
package io.kubevip.ports.in;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole picture every node needs to compute the same placement: all LoadBalancer Services' VIPs, the nodes
 * that may announce, and who announces each VIP now.
 *
 * @param self this node
 * @param eligibleNodes ready, schedulable nodes (this node included when it is one)
 * @param services every Service whose VIPs this cluster announces
 * @param currentOwners VIP → announcing node as recorded in the cluster (the {@code kube-vip.io/vipHost}
 *     annotation), so that nodes agree on stickiness even after a restart
 * @param defaultIface {@code vip_interface}, used when a Service names none
 */
public record ReconcileServicesCommand(
    NodeId self,
    Set<NodeId> eligibleNodes,
    List<ServiceVips> services,
    Map<VipAddress, NodeId> currentOwners,
    InterfaceName defaultIface) {
  public ReconcileServicesCommand {
    Objects.requireNonNull(self, "self");
    eligibleNodes = Set.copyOf(eligibleNodes);
    services = List.copyOf(services);
    currentOwners = Map.copyOf(currentOwners == null ? Map.of() : currentOwners);
    Objects.requireNonNull(defaultIface, "defaultIface");
  }
}
