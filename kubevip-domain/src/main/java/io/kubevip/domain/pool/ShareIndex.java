// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.service.ServicePort;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shareable IPv4 addresses grouped by the ports already taken on them. "First address in search order whose taken
 * ports are disjoint from mine" is then one sorted-set probe per group instead of a walk over every address in use,
 * and there are few groups in practice (Services mostly expose the same few port sets). An address with a holder
 * that has no ports claims the whole address and is in no group.
 */
final class ShareIndex {
  private final Map<Set<ServicePort>, TreeSet<AddressValue>> groups = new HashMap<>();
  private final Map<AddressValue, Set<ServicePort>> groupOf = new HashMap<>();

  /** Re-files {@code v} after its holders changed. */
  void update(AddressValue v, List<AddressInUse> holders) {
    Set<ServicePort> old = groupOf.remove(v);
    if (old != null) {
      TreeSet<AddressValue> g = groups.get(old);
      g.remove(v);
      if (g.isEmpty()) {
        groups.remove(old);
      }
    }
    if (holders.isEmpty()) {
      return;
    }
    Set<ServicePort> taken = new HashSet<>();
    for (AddressInUse h : holders) {
      if (h.ports().isEmpty()) {
        return; // claims the whole address
      }
      taken.addAll(h.ports());
    }
    Set<ServicePort> key = Set.copyOf(taken);
    groupOf.put(v, key);
    groups.computeIfAbsent(key, k -> new TreeSet<>()).add(v);
  }

  /** The first address in {@code order} inside {@code pool} whose taken ports miss all of {@code ports}; or null. */
  AddressValue firstShareable(RangeSet pool, Set<ServicePort> ports, SearchOrder order) {
    AddressValue best = null;
    for (Map.Entry<Set<ServicePort>, TreeSet<AddressValue>> g : groups.entrySet()) {
      if (!Collections.disjoint(g.getKey(), ports)) {
        continue;
      }
      AddressValue candidate = first(g.getValue(), pool, order);
      if (candidate != null && (best == null || (order == SearchOrder.ASCENDING) == (candidate.compareTo(best) < 0))) {
        best = candidate;
      }
    }
    return best;
  }

  private static AddressValue first(TreeSet<AddressValue> set, RangeSet pool, SearchOrder order) {
    List<AddressRange> ranges = pool.ranges();
    if (order == SearchOrder.ASCENDING) {
      for (AddressRange r : ranges) {
        AddressValue v = set.ceiling(r.first());
        if (v != null && v.compareTo(r.last()) <= 0) {
          return v;
        }
      }
      return null;
    }
    NavigableSet<AddressValue> desc = set.descendingSet();
    for (int i = ranges.size() - 1; i >= 0; i--) {
      AddressValue v = desc.ceiling(ranges.get(i).last());
      if (v != null && v.compareTo(ranges.get(i).first()) >= 0) {
        return v;
      }
    }
    return null;
  }
}
