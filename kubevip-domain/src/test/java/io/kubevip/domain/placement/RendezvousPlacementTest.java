// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import static io.kubevip.domain.placement.PlacementFixtures.nodes;
import static io.kubevip.domain.placement.PlacementFixtures.v4;
import static io.kubevip.domain.placement.PlacementFixtures.vips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RendezvousPlacementTest {
  private final RendezvousPlacement placer = new RendezvousPlacement();
  private final NodeId a = NodeId.of("a");
  private final NodeId b = NodeId.of("b");
  private final NodeId c = NodeId.of("c");
  private final VipAddress vip = v4(10, 0, 0, 1);

  @Test
  void givenNoOwner_whenPlaced_thenAssignedBestScore() {
    Placement p = placer.place(PlacementRequest.of(List.of(vip), List.of(a, b, c)));
    assertThat(p.decisions().get(vip).reason()).isEqualTo(PlacementReason.ASSIGNED_BEST_SCORE);
    assertThat(p.decisions().get(vip).previousOwner()).isEmpty();
  }

  @Test
  void givenHealthyOwnerThatIsNotTheBestScore_whenPlaced_thenKeptSticky() {
    NodeId best = placer.place(PlacementRequest.of(List.of(vip), List.of(a, b, c))).ownerOf(vip).orElseThrow();
    NodeId other = best.equals(a) ? b : a;
    Placement p = placer.place(PlacementRequest.of(List.of(vip), List.of(a, b, c)).withCurrentOwners(Map.of(vip, other)));
    assertThat(p.decisions().get(vip)).isEqualTo(
        new PlacementDecision.Placed(vip, other, PlacementReason.KEPT_STICKY, Optional.of(other)));
    assertThat(p.moves()).isEmpty();
  }

  @Test
  void givenOwnerGone_whenPlaced_thenMovedOwnerGone() {
    Placement p = placer.place(PlacementRequest.of(List.of(vip), List.of(a, b)).withCurrentOwners(Map.of(vip, c)));
    assertThat(p.decisions().get(vip).reason()).isEqualTo(PlacementReason.MOVED_OWNER_GONE);
    assertThat(p.moves()).hasSize(1);
  }

  @Test
  void givenOwnerLostItsLocalEndpoint_whenPlaced_thenMovedOwnerIneligibleToANodeWithOne() {
    PlacementRequest request = PlacementRequest.of(List.of(vip), List.of(a, b, c))
        .withCurrentOwners(Map.of(vip, a)).withEligibleNodes(vip, Set.of(c));
    Placement p = placer.place(request);
    assertThat(p.decisions().get(vip)).isEqualTo(
        new PlacementDecision.Placed(vip, c, PlacementReason.MOVED_OWNER_INELIGIBLE, Optional.of(a)));
  }

  @Test
  void givenOwnerFarOverTheBound_whenPlaced_thenExcessMovedOverBoundToOthers() {
    List<VipAddress> all = vips(30);
    Map<VipAddress, NodeId> owners = new java.util.HashMap<>();
    all.forEach(v -> owners.put(v, a));
    Placement p = placer.place(PlacementRequest.of(all, List.of(a, b, c)).withCurrentOwners(owners));
    assertThat(p.bound()).isEqualTo(11);
    assertThat(p.moves()).hasSize(30 - p.load(a)).allMatch(d -> d.reason() == PlacementReason.MOVED_OVER_BOUND
        || d.reason() == PlacementReason.MOVED_TO_UNDERLOADED);
    assertThat(p.moves()).anyMatch(d -> d.reason() == PlacementReason.MOVED_OVER_BOUND);
    assertThat(p.loads().values()).allMatch(load -> load >= 10 && load <= 11);
  }

  @Test
  void givenTwoBalancedNodes_whenAThirdJoins_thenShedVipsAndThenFillMoveOntoItOnly() {
    List<VipAddress> all = vips(30);
    Placement before = placer.place(PlacementRequest.of(all, List.of(a, b)));
    Placement after = placer.place(PlacementRequest.of(all, List.of(a, b, c)).withCurrentOwners(before.owners()));
    assertThat(after.load(c)).isEqualTo(10);
    // a and b hold 15 each, over the new bound 11: 8 are shed onto c, which then takes 2 more to reach 10.
    assertThat(after.moves()).hasSize(10).allMatch(d -> d.owner().equals(Optional.of(c)));
    assertThat(after.moves()).filteredOn(d -> d.reason() == PlacementReason.MOVED_OVER_BOUND).hasSize(8);
    assertThat(after.moves()).filteredOn(d -> d.reason() == PlacementReason.MOVED_TO_UNDERLOADED).hasSize(2);
  }

  @Test
  void givenNoEligibleNode_whenPlaced_thenUnplacedWithReason() {
    Placement none = placer.place(PlacementRequest.of(List.of(vip), List.of()));
    Placement noLocal = placer.place(PlacementRequest.of(List.of(vip), List.of(a)).withEligibleNodes(vip, Set.of(b)));
    assertThat(none.decisions().get(vip)).isInstanceOf(PlacementDecision.Unplaced.class);
    assertThat(noLocal.decisions().get(vip).reason()).isEqualTo(PlacementReason.UNPLACED_NO_ELIGIBLE_NODE);
    assertThat(noLocal.ownerOf(vip)).isEmpty();
  }

  @Test
  void givenManyVipsRestrictedToOneNode_whenPlaced_thenTheyStayOnItEvenOverTheBound() {
    List<VipAddress> all = vips(12);
    PlacementRequest r = PlacementRequest.of(all, List.of(a, b, c));
    for (VipAddress v : all.subList(0, 8)) {
      r = r.withEligibleNodes(v, Set.of(a));
    }
    Placement p = placer.place(r);
    assertThat(p.vipsOf(a)).containsAll(all.subList(0, 8));
    assertThat(all.subList(0, 8)).allMatch(v -> p.decisions().get(v).reason().placed());
    assertThat(p.decisions().values()).anyMatch(d -> d.reason() == PlacementReason.ASSIGNED_OVER_BOUND);
  }

  @Test
  void givenRestrictedVip_whenPlaced_thenOnlyOnAllowedNodes() {
    List<VipAddress> all = vips(200);
    PlacementRequest r = PlacementRequest.of(all, nodes(10));
    for (VipAddress v : all) {
      r = r.withEligibleNodes(v, Set.of(NodeId.of("node-3"), NodeId.of("node-7"), NodeId.of("not-a-node")));
    }
    Placement p = placer.place(r);
    assertThat(p.owners().values()).containsOnly(NodeId.of("node-3"), NodeId.of("node-7"));
  }

  @Test
  void givenDecisionWithMismatchedReason_whenBuilt_thenRejected() {
    assertThatThrownBy(() -> new PlacementDecision.Placed(vip, a, PlacementReason.UNPLACED_NO_ELIGIBLE_NODE, Optional.empty()))
        .hasMessageContaining("UNPLACED_NO_ELIGIBLE_NODE");
    assertThatThrownBy(() -> new PlacementDecision.Unplaced(vip, PlacementReason.KEPT_STICKY, Optional.empty()))
        .hasMessageContaining("KEPT_STICKY");
  }

  @Test
  void given10000VipsOn100Nodes_whenPlacedFromScratch_thenFastAndBalanced() {
    PlacementRequest request = PlacementRequest.of(vips(10_000), nodes(100));
    long best = Long.MAX_VALUE;
    Placement p = null;
    for (int i = 0; i < 15; i++) {
      long t0 = System.nanoTime();
      p = placer.place(request);
      best = Math.min(best, System.nanoTime() - t0);
    }
    assertThat(p.loads().values()).allMatch(load -> load <= 101);
    // The target is "well under 50 ms"; the assertion is loose because CI cores are shared, and catches O(V·n·log n).
    assertThat(best / 1_000_000).as("best of 15 runs, ms").isLessThan(200);
  }
}
