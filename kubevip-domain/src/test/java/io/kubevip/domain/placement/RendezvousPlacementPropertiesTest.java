// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import static io.kubevip.domain.placement.PlacementFixtures.nodes;
import static io.kubevip.domain.placement.PlacementFixtures.randomVips;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomized properties over many seeds; every assertion message carries the seed to reproduce it. */
class RendezvousPlacementPropertiesTest {
  private static final int SEEDS = 400;
  private final RendezvousPlacement placer = new RendezvousPlacement();

  private record Case(long seed, List<VipAddress> vips, List<NodeId> nodes) {}

  private static Case randomCase(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(r.nextBoolean() ? 8 : 40);
    int v = r.nextInt(r.nextBoolean() ? 3 * n + 2 : 60 * n);
    List<NodeId> nodes = new ArrayList<>(nodes(n + 5));
    Collections.shuffle(nodes, r);
    return new Case(seed, randomVips(r, v), nodes.subList(0, n));
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  @Test
  void givenAnyInput_whenPlacedFromScratch_thenNoNodeExceedsCeilPlusOneAndEveryVipIsPlaced() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Case c = randomCase(seed);
      Placement p = placer.place(PlacementRequest.of(c.vips(), c.nodes()));
      int bound = ceilDiv(c.vips().size(), c.nodes().size()) + 1;
      assertThat(p.bound()).as("seed %d", seed).isEqualTo(bound);
      assertThat(p.owners()).as("seed %d", seed).hasSize(c.vips().size());
      for (NodeId node : c.nodes()) {
        assertThat(p.load(node)).as("seed %d node %s", seed, node).isLessThanOrEqualTo(bound);
      }
    }
  }

  @Test
  void givenArbitraryCurrentOwners_whenPlaced_thenBoundHoldsAndOnlyOverloadedOrGoneOwnersLoseVips() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Case c = randomCase(seed);
      Random r = new Random(~seed);
      Map<VipAddress, NodeId> owners = new HashMap<>();
      List<NodeId> skewed = nodes(c.nodes().size() + 3); // includes nodes that are gone
      for (VipAddress vip : c.vips()) {
        if (r.nextInt(5) > 0) {
          owners.put(vip, skewed.get(Math.min(r.nextInt(skewed.size()), r.nextInt(skewed.size()))));
        }
      }
      Placement p = placer.place(PlacementRequest.of(c.vips(), c.nodes()).withCurrentOwners(owners));
      for (NodeId node : c.nodes()) {
        assertThat(p.load(node)).as("seed %d node %s", seed, node)
            .isBetween(c.vips().size() / c.nodes().size(), p.bound());
      }
      for (PlacementDecision d : p.decisions().values()) {
        if (d.moved()) {
          assertThat(d.reason()).as("seed %d %s", seed, d).isIn(PlacementReason.MOVED_OWNER_GONE,
              PlacementReason.MOVED_OVER_BOUND, PlacementReason.MOVED_TO_UNDERLOADED);
        }
      }
    }
  }

  @Test
  void givenPlacementMadeHere_whenANodeLeaves_thenOnlyItsVipsMove() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Case c = randomCase(seed);
      if (c.nodes().size() < 2) {
        continue;
      }
      Placement before = placer.place(PlacementRequest.of(c.vips(), c.nodes()));
      NodeId leaving = c.nodes().get(new Random(seed).nextInt(c.nodes().size()));
      List<NodeId> remaining = new ArrayList<>(c.nodes());
      remaining.remove(leaving);
      Placement after = placer.place(PlacementRequest.of(c.vips(), remaining).withCurrentOwners(before.owners()));
      for (VipAddress vip : c.vips()) {
        if (!before.ownerOf(vip).orElseThrow().equals(leaving)) {
          assertThat(after.ownerOf(vip)).as("seed %d vip %s", seed, vip).isEqualTo(before.ownerOf(vip));
        } else {
          assertThat(after.decisions().get(vip).reason()).as("seed %d", seed).isEqualTo(PlacementReason.MOVED_OWNER_GONE);
        }
      }
      for (NodeId node : remaining) {
        assertThat(after.load(node)).as("seed %d", seed).isLessThanOrEqualTo(after.bound());
      }
    }
  }

  @Test
  void givenPlacementMadeHere_whenANodeJoins_thenAtMostCeilPlusOneMoveAndAllOntoTheNewNode() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Case c = randomCase(seed);
      Placement before = placer.place(PlacementRequest.of(c.vips(), c.nodes()));
      NodeId joining = NodeId.of("joiner-" + seed);
      List<NodeId> grown = new ArrayList<>(c.nodes());
      grown.add(joining);
      Placement after = placer.place(PlacementRequest.of(c.vips(), grown).withCurrentOwners(before.owners()));
      List<PlacementDecision> moves = after.moves();
      assertThat(moves.size()).as("seed %d moves %s", seed, moves)
          .isLessThanOrEqualTo(ceilDiv(c.vips().size(), grown.size()) + 1);
      for (PlacementDecision move : moves) {
        assertThat(move.owner()).as("seed %d", seed).contains(joining);
      }
    }
  }

  @Test
  void givenJoinsAndLeavesInSequence_whenReplacedEachTime_thenBoundAndMovementPropertiesHoldAtEveryStep() {
    for (long seed = 0; seed < SEEDS / 2; seed++) {
      Random r = new Random(seed);
      List<VipAddress> vips = randomVips(r, r.nextInt(400));
      List<NodeId> pool = nodes(25);
      List<NodeId> current = new ArrayList<>(pool.subList(0, 1 + r.nextInt(10)));
      Placement p = placer.place(PlacementRequest.of(vips, current));
      for (int step = 0; step < 12; step++) {
        NodeId changed = pool.get(r.nextInt(pool.size()));
        boolean joins = !current.contains(changed);
        if (!joins && current.size() == 1) {
          continue;
        }
        List<NodeId> next = new ArrayList<>(current);
        if (joins) {
          next.add(changed);
        } else {
          next.remove(changed);
        }
        Placement q = placer.place(PlacementRequest.of(vips, next).withCurrentOwners(p.owners()));
        String at = "seed " + seed + " step " + step + (joins ? " join " : " leave ") + changed;
        for (NodeId node : next) {
          assertThat(q.load(node)).as(at).isBetween(vips.size() / next.size(), q.bound());
        }
        assertThat(q.owners().keySet()).as(at).containsExactlyInAnyOrderElementsOf(vips);
        for (PlacementDecision move : q.moves()) {
          if (joins) {
            assertThat(move.owner()).as(at).contains(changed);
          } else {
            assertThat(move.previousOwner()).as(at).contains(changed);
          }
        }
        if (joins) {
          assertThat(q.moves().size()).as(at).isLessThanOrEqualTo(ceilDiv(vips.size(), next.size()) + 1);
        }
        current = next;
        p = q;
      }
    }
  }

  @Test
  void givenSameInputInAnyIterationOrder_whenPlaced_thenSamePlacement() {
    for (long seed = 0; seed < SEEDS / 2; seed++) {
      Case c = randomCase(seed);
      Random r = new Random(seed * 31);
      Map<VipAddress, NodeId> owners = new HashMap<>();
      for (VipAddress vip : c.vips()) {
        if (r.nextBoolean()) {
          owners.put(vip, c.nodes().get(r.nextInt(c.nodes().size())));
        }
      }
      PlacementRequest a = PlacementRequest.of(c.vips(), c.nodes()).withCurrentOwners(owners);
      List<VipAddress> vips2 = new ArrayList<>(c.vips());
      List<NodeId> nodes2 = new ArrayList<>(c.nodes());
      Collections.shuffle(vips2, r);
      Collections.shuffle(nodes2, r);
      PlacementRequest b = new PlacementRequest(new HashSet<>(vips2), new HashSet<>(nodes2), new HashMap<>(owners), Map.of());
      assertThat(placer.place(b)).as("seed %d", seed).isEqualTo(placer.place(a));
      assertThat(new RendezvousPlacement().place(a)).as("seed %d", seed).isEqualTo(placer.place(a));
    }
  }

  @Test
  void givenPlacementMadeHere_whenPlacedAgainWithItsOwners_thenNothingMoves() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Case c = randomCase(seed);
      Placement first = placer.place(PlacementRequest.of(c.vips(), c.nodes()));
      Placement second = placer.place(PlacementRequest.of(c.vips(), c.nodes()).withCurrentOwners(first.owners()));
      assertThat(second.owners()).as("seed %d", seed).isEqualTo(first.owners());
      assertThat(second.decisions().values()).as("seed %d", seed)
          .allMatch(d -> d.reason() == PlacementReason.KEPT_STICKY);
    }
  }
}
