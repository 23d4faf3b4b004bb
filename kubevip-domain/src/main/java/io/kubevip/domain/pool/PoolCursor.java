// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where the next free-address scan of one pool family starts. Invariant: every pool address before the cursor
 * (in search order) is taken or not allocatable, so the scan for 10,000 Services in a row is linear in total, not
 * quadratic; a release moves the cursor back to the freed address.
 */
final class PoolCursor {
  private final List<AddressRange> ranges;
  private final boolean ascending;
  private final boolean[] touchesBlock;
  private int index;
  private AddressValue position;

  PoolCursor(RangeSet set, SearchOrder order) {
    this.ranges = set.ranges();
    this.ascending = order == SearchOrder.ASCENDING;
    this.touchesBlock = new boolean[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      touchesBlock[i] = AddressRules.overlapsBlock(ranges.get(i));
    }
    moveTo(ascending ? 0 : ranges.size() - 1, null);
  }

  /** The first address at or after the cursor that is allocatable and {@code free}; null when exhausted. */
  AddressValue next(Predicate<AddressValue> free) {
    while (index >= 0 && index < ranges.size()) {
      AddressRange range = ranges.get(index);
      AddressValue v = position;
      while (v != null) {
        AddressRules.Block block = touchesBlock[index] ? AddressRules.blockOf(v) : null;
        if (block != null) {
          v = leave(block.range(), range);
          continue;
        }
        if (!AddressRules.skippedByCloudProvider(v) && free.test(v)) {
          position = v;
          return v;
        }
        v = step(v, range);
      }
      moveTo(ascending ? index + 1 : index - 1, null);
    }
    return null;
  }

  /** Called when {@code v} became free: if the cursor has passed it, move back so it is found again. */
  void released(AddressValue v, RangeSet set) {
    int at = set.indexOf(v);
    if (at < 0) {
      return;
    }
    boolean exhausted = index < 0 || index >= ranges.size();
    boolean passed = exhausted || (ascending ? v.compareTo(position) < 0 : v.compareTo(position) > 0);
    if (passed) {
      index = at;
      position = v;
    }
  }

  private void moveTo(int i, AddressValue v) {
    index = i;
    if (i >= 0 && i < ranges.size()) {
      position = v != null ? v : ascending ? ranges.get(i).first() : ranges.get(i).last();
    }
  }

  // The next address in search order inside range, or null at its end.
  private AddressValue step(AddressValue v, AddressRange range) {
    if (ascending) {
      return v.equals(range.last()) ? null : v.next();
    }
    return v.equals(range.first()) ? null : v.previous();
  }

  // Jump over a special block in one step.
  private AddressValue leave(AddressRange block, AddressRange range) {
    if (ascending) {
      return block.last().compareTo(range.last()) >= 0 ? null : block.last().next();
    }
    return block.first().compareTo(range.first()) <= 0 ? null : block.first().previous();
  }
}
