// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of a placement: one decision per VIP plus the resulting load per node. Equal requests give equal
 * placements, so {@code equals} is what the determinism tests compare.
 *
 * @param decisions one decision per requested VIP
 * @param loads VIPs per eligible node (zero included)
 * @param bound the most VIPs a node may hold: {@code ceil(placeable VIPs / nodes) + 1}
 */
public record Placement(Map<VipAddress, PlacementDecision> decisions, Map<NodeId, Integer> loads, int bound) {
  public Placement {
    decisions = Map.copyOf(Objects.requireNonNull(decisions, "decisions"));
    loads = Map.copyOf(Objects.requireNonNull(loads, "loads"));
  }

  public Optional<NodeId> ownerOf(VipAddress vip) {
    PlacementDecision d = decisions.get(vip);
    return d == null ? Optional.empty() : d.owner();
  }

  /** VIP → announcing node for every placed VIP: feed it back as the next request's current owners. */
  public Map<VipAddress, NodeId> owners() {
    Map<VipAddress, NodeId> owners = new HashMap<>();
    decisions.forEach((vip, d) -> d.owner().ifPresent(n -> owners.put(vip, n)));
    return owners;
  }

  /** The VIPs {@code node} must announce, sorted. */
  public Set<VipAddress> vipsOf(NodeId node) {
    Set<VipAddress> out = new TreeSet<>();
    decisions.forEach((vip, d) -> {
      if (d.owner().filter(node::equals).isPresent()) {
        out.add(vip);
      }
    });
    return out;
  }

  /** Decisions that took a VIP away from its previous owner. */
  public List<PlacementDecision> moves() {
    return decisions.values().stream().filter(PlacementDecision::moved).sorted(
        (a, b) -> a.vip().compareTo(b.vip())).toList();
  }

  public int load(NodeId node) {
    return loads.getOrDefault(node, 0);
  }
}
