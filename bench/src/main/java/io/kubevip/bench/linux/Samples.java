// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.linux;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency samples in nanoseconds, summarised by nearest-rank percentiles so p99 of 300 samples is an
 * observed value, not an interpolation.
 */
final class Samples {
  private long[] values = new long[64];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** Nearest-rank percentile in nanoseconds, {@code p} in (0, 100]. */
  long percentile(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, rank - 1)];
  }

  /** {@code "p50_ms":..,"p99_ms":..,"max_ms":..} with microsecond resolution. */
  String json(String prefix) {
    return String.format(Locale.ROOT, "\"%sp50_ms\":%.3f,\"%sp99_ms\":%.3f,\"%smax_ms\":%.3f",
        prefix, ms(percentile(50)), prefix, ms(percentile(99)), prefix, ms(percentile(100)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
