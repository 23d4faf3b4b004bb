// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

/** Why a VIP ended up where it did; a log field and a metric tag ({@code kubevip.placement.decisions{reason}}). */
public enum PlacementReason {
  /** The current owner is eligible and within the bound, so the VIP stays put. */
  KEPT_STICKY(true, false),
  /** Over the bound, but no other eligible node of this VIP has room: moving would not help. */
  KEPT_OVER_BOUND(true, false),
  /** No previous owner: the highest-scoring eligible node with room. */
  ASSIGNED_BEST_SCORE(true, false),
  /** Every eligible node of this (restricted) VIP is full; placed on its best-scoring node regardless. */
  ASSIGNED_OVER_BOUND(true, true),
  /** The previous owner left or became unhealthy; the highest-scoring eligible node with room. */
  MOVED_OWNER_GONE(true, true),
  /** The previous owner is still a node but no longer eligible for this VIP (e.g. lost its local endpoints). */
  MOVED_OWNER_INELIGIBLE(true, true),
  /** The previous owner held more than the bound; moved to the least-loaded eligible node to rebalance. */
  MOVED_OVER_BOUND(true, true),
  /** Taken by a node below the floor {@code floor(VIPs/nodes)} (typically one that just joined) from the most-loaded node. */
  MOVED_TO_UNDERLOADED(true, true),
  /** No node is eligible for this VIP (no ready nodes, or no node with a local endpoint). */
  UNPLACED_NO_ELIGIBLE_NODE(false, false);

  private final boolean placed;
  private final boolean mayMove;

  PlacementReason(boolean placed, boolean mayMove) {
    this.placed = placed;
    this.mayMove = mayMove;
  }

  /** True when a decision with this reason names a node. */
  public boolean placed() {
    return placed;
  }

  /** True for reasons that take a VIP away from a previous owner (when it had one). */
  public boolean mayMove() {
    return mayMove;
  }
}
