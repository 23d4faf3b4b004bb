// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The inputs of a placement. Every node must build the same request (same VIPs, same eligible nodes, same
 * current owners, e.g. from the {@code kube-vip.io/vipHost} annotation) to agree on the result; iteration order
 * of the collections does not matter.
 *
 * @param vips the VIPs to place
 * @param nodes healthy nodes that may announce any VIP
 * @param currentOwners who announces each VIP now; entries for VIPs not in {@code vips} are ignored
 * @param eligibleByVip optional per-VIP restriction (externalTrafficPolicy Local: nodes with a ready local
 *     endpoint); intersected with {@code nodes}. VIPs without an entry may go to any of {@code nodes}.
 */
public record PlacementRequest(
    Set<VipAddress> vips,
    Set<NodeId> nodes,
    Map<VipAddress, NodeId> currentOwners,
    Map<VipAddress, Set<NodeId>> eligibleByVip) {

  public PlacementRequest {
    vips = Set.copyOf(Objects.requireNonNull(vips, "vips"));
    nodes = Set.copyOf(Objects.requireNonNull(nodes, "nodes"));
    currentOwners = Map.copyOf(currentOwners == null ? Map.of() : currentOwners);
    Map<VipAddress, Set<NodeId>> restricted = new HashMap<>();
    (eligibleByVip == null ? Map.<VipAddress, Set<NodeId>>of() : eligibleByVip)
        .forEach((vip, subset) -> restricted.put(vip, Set.copyOf(subset)));
    eligibleByVip = Map.copyOf(restricted);
  }

  /** Placement from scratch: no current owners, every node eligible for every VIP. */
  public static PlacementRequest of(Collection<VipAddress> vips, Collection<NodeId> nodes) {
    return new PlacementRequest(Set.copyOf(vips), Set.copyOf(nodes), Map.of(), Map.of());
  }

  public PlacementRequest withCurrentOwners(Map<VipAddress, NodeId> owners) {
    return new PlacementRequest(vips, nodes, owners, eligibleByVip);
  }

  /** Restricts {@code vip} to {@code subset} (intersected with {@link #nodes()}); an empty subset leaves it unplaced. */
  public PlacementRequest withEligibleNodes(VipAddress vip, Collection<NodeId> subset) {
    Map<VipAddress, Set<NodeId>> copy = new HashMap<>(eligibleByVip);
    copy.put(vip, Set.copyOf(subset));
    return new PlacementRequest(vips, nodes, currentOwners, copy);
  }
}
