// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;

/** An inclusive run of addresses of one family, first <= last. */
record AddressRange(AddressValue first, AddressValue last) implements Comparable<AddressRange> {
  AddressRange {
    if (first.family() != last.family() || first.compareTo(last) > 0) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
  }

  IpFamily family() {
    return first.family();
  }

  boolean contains(AddressValue v) {
    return first.compareTo(v) <= 0 && v.compareTo(last) <= 0;
  }

  @Override
  public int compareTo(AddressRange o) {
    int c = first.compareTo(o.first);
    return c != 0 ? c : last.compareTo(o.last);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + "-" + last;
  }
}
