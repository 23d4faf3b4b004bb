// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kube_vip_service_reconcile_duration_seconds} as a node's Prometheus endpoint shows it: cumulative bucket
 * counts by upper bound. Two scrapes subtract to the passes in between, so the burst and the quiet window after it
 * get percentiles of their own instead of one figure diluted by idle periodic passes.
 */
record ReconcileHistogram(TreeMap<Double, Long> buckets, long count, double sumSeconds, double maxSeconds) {
  static final String NAME = "kube_vip_service_reconcile_duration_seconds";

  static final ReconcileHistogram EMPTY = new ReconcileHistogram(new TreeMap<>(), 0, 0, 0);

  /** Parses Prometheus text; bucket lines of every label set are summed by {@code le}. */
  static ReconcileHistogram parse(String text) {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    long count = 0;
    double sum = 0;
    double max = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith(NAME)) {
        continue;
      }
      String rest = line.substring(NAME.length());
      double value;
      try {
        value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (rest.startsWith("_bucket{")) {
        int i = rest.indexOf("le=\"");
        String le = rest.substring(i + 4, rest.indexOf('"', i + 4));
        double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        buckets.merge(bound, (long) value, Long::sum);
      } else if (rest.startsWith("_count")) {
        count += (long) value;
      } else if (rest.startsWith("_sum")) {
        sum += value;
      } else if (rest.startsWith("_max")) {
        max = Math.max(max, value);
      }
    }
    return new ReconcileHistogram(buckets, count, sum, max);
  }

  /** The passes recorded after {@code earlier}; max is the later scrape's (a decaying window in Micrometer). */
  ReconcileHistogram minus(ReconcileHistogram earlier) {
    TreeMap<Double, Long> d = new TreeMap<>();
    for (Map.Entry<Double, Long> e : buckets.entrySet()) {
      d.put(e.getKey(), e.getValue() - earlier.buckets.getOrDefault(e.getKey(), 0L));
    }
    return new ReconcileHistogram(d, count - earlier.count, sumSeconds - earlier.sumSeconds, maxSeconds);
  }

  /** Upper bound (ms) of the bucket holding the q-quantile pass (nearest rank); null without passes. */
  Double quantileMillis(double q) {
    if (count <= 0) {
      return null;
    }
    long rank = (long) Math.ceil(q * count);
    for (Map.Entry<Double, Long> e : buckets.entrySet()) {
      if (e.getValue() >= rank) {
        return e.getKey().isInfinite() ? null : e.getKey() * 1000.0;
      }
    }
    return null;
  }

  String toJson() {
    return "{\"passes\":" + count + ",\"p50_ms_le\":" + Json.num(quantileMillis(0.50)) + ",\"p99_ms_le\":"
        + Json.num(quantileMillis(0.99)) + ",\"mean_ms\":" + Json.num(count == 0 ? null : sumSeconds * 1000 / count)
        + ",\"recent_max_ms\":" + Json.num(maxSeconds * 1000) + "}";
  }
}
