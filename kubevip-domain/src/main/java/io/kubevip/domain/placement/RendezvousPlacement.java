// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.placement;

import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.node.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places VIPs on nodes by rendezvous (highest-random-weight) hashing with a load bound and stickiness, so that
 * every node computes the same owners without talking to the others and membership changes move few VIPs.
 *
 * <p>With {@code V} placeable VIPs and {@code n} eligible nodes: floor {@code f = floor(V/n)}, target
 * {@code t = ceil(V/n)}, bound {@code b = t + 1}. In this order:
 *
 * <ol>
 *   <li><b>Sticky</b>: a VIP whose current owner is eligible for it stays there. An owner holding more than
 *       {@code b} keeps the {@code b} VIPs it scores highest and sheds the rest.
 *   <li><b>Score</b>: new VIPs and VIPs whose owner left go to their highest-scoring eligible node, looking first
 *       among nodes below {@code f}, then below {@code t} (the last slot up to {@code b} is slack for stickiness).
 *   <li><b>Rebalance</b>: shed VIPs go to the least-loaded eligible nodes (loads as before this step, ties by node
 *       hash), filling one up to {@code b} before the next: the move exists to fix imbalance.
 *   <li><b>Fill</b>: a node still below {@code f} (a node that just joined) takes, from the most-loaded node, the
 *       VIP it scores highest, until it reaches {@code f}.
 * </ol>
 *
 * <p>Without per-VIP restrictions every result has all loads in {@code [f, b]}, whatever the current owners.
 * From such a result: a node leaving moves only its own VIPs (the orphans fill any new deficit, and the bound
 * only grows); a node joining moves at most {@code ceil(V/(n+1))+1} VIPs, all onto the joining node (it is
 * the least-loaded node and the only one below the floor; the shed count fits under its bound). Restricted VIPs
 * (externalTrafficPolicy Local) may exceed the bound when all their nodes are full (reason
 * {@link PlacementReason#ASSIGNED_OVER_BOUND}). VIPs are processed in hash order, so the result does not depend
 * on the iteration order of the inputs.
 *
 * <p>Cost: O(V·n) score evaluations (no per-VIP sort of nodes) plus one O(V log V) sort. Stateless and
 * thread-safe.
 */
public final class RendezvousPlacement {

  /** Places every VIP of {@code request}. */
  public Placement place(PlacementRequest request) {
    return new Run(request).run();
  }

  /** Per-VIP working state. */
  private static final class Slot {
    final VipAddress vip;
    final long hash;
    final int[] allowed; // sorted node indices; null means every node
    int ord;
    NodeId previous;
    int owner = -1;
    PlacementReason reason;

    Slot(VipAddress vip, long hash, int[] allowed) {
      this.vip = vip;
      this.hash = hash;
      this.allowed = allowed;
    }

    boolean allows(int node) {
      return allowed == null || Arrays.binarySearch(allowed, node) >= 0;
    }
  }

  private static final class Run {
    private final PlacementRequest request;
    private final NodeId[] nodes;
    private final long[] nodeHash;
    private final int[] load;
    private final Slot[] slots;
    private final Map<NodeId, Integer> index;

    Run(PlacementRequest request) {
      this.request = request;
      nodes = request.nodes().toArray(NodeId[]::new);
      Arrays.sort(nodes);
      nodeHash = new long[nodes.length];
      Map<NodeId, Integer> index = new HashMap<>(nodes.length * 2);
      for (int i = 0; i < nodes.length; i++) {
        nodeHash[i] = PlacementHash.of(nodes[i]);
        index.put(nodes[i], i);
      }
      load = new int[nodes.length];
      slots = new Slot[request.vips().size()];
      int s = 0;
      for (VipAddress vip : request.vips()) {
        slots[s++] = new Slot(vip, PlacementHash.of(vip), allowedIndices(request.eligibleByVip().get(vip), index));
      }
      Arrays.sort(slots, Comparator.<Slot>comparingLong(x -> x.hash).thenComparing(x -> x.vip));
      for (int i = 0; i < slots.length; i++) {
        slots[i].ord = i;
      }
      this.index = index;
    }

    private static int[] allowedIndices(java.util.Set<NodeId> subset, Map<NodeId, Integer> index) {
      if (subset == null) {
        return null;
      }
      return subset.stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue).sorted().toArray();
    }

    private boolean placeable(Slot slot) {
      return nodes.length > 0 && (slot.allowed == null || slot.allowed.length > 0);
    }

    Placement run() {
      int placeable = 0;
      for (Slot slot : slots) {
        placeable += placeable(slot) ? 1 : 0;
      }
      int n = Math.max(1, nodes.length);
      int floor = placeable / n;
      int target = (placeable + n - 1) / n;
      int bound = target + 1;

      List<Slot> pending = new ArrayList<>();
      List<List<Slot>> sticky = new ArrayList<>(nodes.length);
      for (int i = 0; i < nodes.length; i++) {
        sticky.add(new ArrayList<>());
      }
      for (Slot slot : slots) {
        slot.previous = request.currentOwners().get(slot.vip);
        if (!placeable(slot)) {
          slot.reason = PlacementReason.UNPLACED_NO_ELIGIBLE_NODE;
          continue;
        }
        Integer prev = slot.previous == null ? null : index.get(slot.previous);
        if (slot.previous == null) {
          slot.reason = PlacementReason.ASSIGNED_BEST_SCORE;
          pending.add(slot);
        } else if (prev == null) {
          slot.reason = PlacementReason.MOVED_OWNER_GONE;
          pending.add(slot);
        } else if (!slot.allows(prev)) {
          slot.reason = PlacementReason.MOVED_OWNER_INELIGIBLE;
          pending.add(slot);
        } else {
          sticky.get(prev).add(slot);
        }
      }
      List<Slot> shed = keepSticky(sticky, bound);
      for (Slot slot : pending) {
        int best = best(slot, floor);
        if (best < 0) {
          best = best(slot, target);
        }
        if (best < 0) {
          best = best(slot, bound);
        }
        if (best < 0) {
          best = best(slot, Integer.MAX_VALUE);
          slot.reason = PlacementReason.ASSIGNED_OVER_BOUND;
        }
        assign(slot, best, slot.reason);
      }
      rebalance(shed, bound);
      fill(floor);
      return result(bound);
    }

    private List<Slot> keepSticky(List<List<Slot>> sticky, int bound) {
      List<Slot> shed = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        List<Slot> held = sticky.get(i);
        if (held.size() > bound) {
          long nh = nodeHash[i];
          held.sort(Comparator.<Slot>comparingLong(x -> PlacementHash.score(x.hash, nh)).reversed()
              .thenComparingInt(x -> x.ord));
          shed.addAll(held.subList(bound, held.size()));
          held = held.subList(0, bound);
        }
        for (Slot slot : held) {
          assign(slot, i, PlacementReason.KEPT_STICKY);
        }
      }
      shed.sort(Comparator.comparingInt(x -> x.ord));
      return shed;
    }

    private void rebalance(List<Slot> shed, int bound) {
      if (shed.isEmpty()) {
        return;
      }
      Integer[] byLoad = new Integer[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        byLoad[i] = i;
      }
      int[] snapshot = load.clone();
      Arrays.sort(byLoad, Comparator.<Integer>comparingInt(i -> snapshot[i]).thenComparingLong(i -> nodeHash[i])
          .thenComparingInt(i -> i));
      for (Slot slot : shed) {
        int chosen = -1;
        for (int i : byLoad) {
          if (load[i] < bound && slot.allows(i)) { // static order: fill the emptiest node before the next
            chosen = i;
            break;
          }
        }
        if (chosen < 0) {
          chosen = best(slot, bound);
        }
        if (chosen < 0) {
          assign(slot, index.get(slot.previous), PlacementReason.KEPT_OVER_BOUND);
        } else {
          assign(slot, chosen, PlacementReason.MOVED_OVER_BOUND);
        }
      }
    }

    /** Lets nodes below {@code floor} take VIPs from the most-loaded nodes; see the class comment. */
    private void fill(int floor) {
      boolean[] gaveUp = new boolean[nodes.length];
      while (true) {
        int taker = -1;
        for (int i = 0; i < nodes.length; i++) {
          if (!gaveUp[i] && load[i] < floor && (taker < 0 || load[i] < load[taker])) {
            taker = i;
          }
        }
        if (taker < 0) {
          return;
        }
        Slot moved = takeFromMostLoaded(taker, floor);
        if (moved == null) {
          gaveUp[taker] = true; // restricted VIPs: nothing the others hold may go here
        } else {
          load[moved.owner]--;
          assign(moved, taker, PlacementReason.MOVED_TO_UNDERLOADED);
        }
      }
    }

    /** The VIP {@code taker} scores highest among those of the most-loaded donor above {@code floor}. */
    private Slot takeFromMostLoaded(int taker, int floor) {
      Integer[] donors = new Integer[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        donors[i] = i;
      }
      Arrays.sort(donors, Comparator.<Integer>comparingInt(i -> -load[i]).thenComparingInt(i -> i));
      long th = nodeHash[taker];
      for (int donor : donors) {
        if (load[donor] <= floor) {
          return null;
        }
        Slot best = null;
        for (Slot slot : slots) {
          if (slot.owner == donor && slot.allows(taker) && (best == null
              || PlacementHash.score(slot.hash, th) > PlacementHash.score(best.hash, th))) {
            best = slot;
          }
        }
        if (best != null) {
          return best;
        }
      }
      return null;
    }

    /** The highest-scoring allowed node with load below {@code limit}, or -1. */
    private int best(Slot slot, int limit) {
      int best = -1;
      long bestScore = 0;
      if (slot.allowed == null) {
        for (int i = 0; i < nodes.length; i++) {
          if (load[i] < limit) {
            long s = PlacementHash.score(slot.hash, nodeHash[i]);
            if (best < 0 || s > bestScore) {
              best = i;
              bestScore = s;
            }
          }
        }
      } else {
        for (int i : slot.allowed) {
          if (load[i] < limit) {
            long s = PlacementHash.score(slot.hash, nodeHash[i]);
            if (best < 0 || s > bestScore) {
              best = i;
              bestScore = s;
            }
          }
        }
      }
      return best;
    }

    private void assign(Slot slot, int node, PlacementReason reason) {
      slot.owner = node;
      slot.reason = reason;
      load[node]++;
    }

    private Placement result(int bound) {
      Map<VipAddress, PlacementDecision> decisions = new HashMap<>(slots.length * 2);
      for (Slot slot : slots) {
        Optional<NodeId> previous = Optional.ofNullable(slot.previous);
        decisions.put(slot.vip, slot.owner < 0
            ? new PlacementDecision.Unplaced(slot.vip, slot.reason, previous)
            : new PlacementDecision.Placed(slot.vip, nodes[slot.owner], slot.reason, previous));
      }
      Map<NodeId, Integer> loads = new HashMap<>(nodes.length * 2);
      for (int i = 0; i < nodes.length; i++) {
        loads.put(nodes[i], load[i]);
      }
      return new Placement(decisions, loads, bound);
    }
  }
}
