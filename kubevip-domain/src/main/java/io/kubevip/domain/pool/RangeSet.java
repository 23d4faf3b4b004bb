// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A sorted union of ranges of one family, overlapping and adjacent runs merged, as the cloud-provider's
 * netipx.IPSet does: "first free address" is then over the union in address order, not in entry order.
 */
final class RangeSet {
  private final List<AddressRange> ranges;

  private RangeSet(List<AddressRange> ranges) {
    this.ranges = ranges;
  }

  static RangeSet union(Collection<AddressRange> input) {
    List<AddressRange> sorted = new ArrayList<>(input);
    sorted.sort(null);
    List<AddressRange> merged = new ArrayList<>();
    for (AddressRange r : sorted) {
      if (!merged.isEmpty()) {
        AddressRange last = merged.get(merged.size() - 1);
        boolean touches = last.last().equals(AddressValue.max(r.family())) || r.first().compareTo(last.last().next()) <= 0;
        if (touches) {
          AddressValue end = r.last().compareTo(last.last()) > 0 ? r.last() : last.last();
          merged.set(merged.size() - 1, new AddressRange(last.first(), end));
          continue;
        }
      }
      merged.add(r);
    }
    return new RangeSet(List.copyOf(merged));
  }

  List<AddressRange> ranges() {
    return ranges;
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Index of the range holding {@code v}, or -1. Binary search: pools may hold many entries. */
  int indexOf(AddressValue v) {
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      AddressRange r = ranges.get(mid);
      if (v.compareTo(r.first()) < 0) {
        hi = mid - 1;
      } else if (v.compareTo(r.last()) > 0) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  boolean contains(AddressValue v) {
    return indexOf(v) >= 0;
  }

  @Override
  public String toString() {
    return ranges.toString();
  }
}
