// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles: with 20 samples p99 is the maximum, which is what a tail target should face. */
final class Stats {
  private Stats() {}

  static Long percentile(List<Long> values, double p) {
    List<Long> v = new ArrayList<>(values);
    v.removeIf(x -> x == null);
    if (v.isEmpty()) {
      return null;
    }
    Collections.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.size());
    return v.get(Math.max(0, Math.min(v.size() - 1, rank - 1)));
  }

  static Long max(List<Long> values) {
    return values.stream().filter(x -> x != null).max(Long::compare).orElse(null);
  }
}
