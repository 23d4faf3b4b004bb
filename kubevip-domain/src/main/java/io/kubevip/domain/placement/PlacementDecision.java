// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.Objects;
import java.util.Optional;

/** The outcome for one VIP, with its reason, so logs and Events say why a VIP moved or stayed dark. */
public sealed interface PlacementDecision permits PlacementDecision.Placed, PlacementDecision.Unplaced {
  VipAddress vip();

  PlacementReason reason();

  /** The owner before this placement, if the request named one. */
  Optional<NodeId> previousOwner();

  /** The announcing node, empty when unplaced. */
  Optional<NodeId> owner();

  /** True when the VIP had an owner before and now has a different one, or none. */
  default boolean moved() {
    return previousOwner().isPresent() && !previousOwner().equals(owner());
  }

  /** The VIP is announced by {@code node}. */
  record Placed(VipAddress vip, NodeId node, PlacementReason reason, Optional<NodeId> previousOwner)
      implements PlacementDecision {
    public Placed {
      Objects.requireNonNull(vip, "vip");
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(previousOwner, "previousOwner");
      if (reason == null || !reason.placed()) {
        throw new IllegalArgumentException("reason " + reason + " does not describe a placed VIP");
      }
    }

    @Override
    public Optional<NodeId> owner() {
      return Optional.of(node);
    }
  }

  /** Nobody announces the VIP. */
  record Unplaced(VipAddress vip, PlacementReason reason, Optional<NodeId> previousOwner) implements PlacementDecision {
    public Unplaced {
      Objects.requireNonNull(vip, "vip");
      Objects.requireNonNull(previousOwner, "previousOwner");
      if (reason == null || reason.placed()) {
        throw new IllegalArgumentException("reason " + reason + " does not describe an unplaced VIP");
      }
    }

    @Override
    public Optional<NodeId> owner() {
      return Optional.empty();
    }
  }
}
