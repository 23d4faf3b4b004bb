// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.services;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The few JSON shapes the summary line needs, without a JSON library on the bench's class path. */
final class Json {
  private Json() {}

  static String num(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? "null" : String.format(Locale.ROOT, "%.1f", v);
  }

  static String str(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String counts(Map<String, Long> m) {
    StringBuilder b = new StringBuilder("{");
    m.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",").append(str(k)).append(':').append(v));
    return b.append('}').toString();
  }

  /** Nearest-rank percentiles of microsecond samples, in ms: p50, p90, p99, max and the sample count. */
  static String latency(List<Long> micros) {
    List<Long> v = micros.stream().sorted().toList();
    if (v.isEmpty()) {
      return "{\"count\":0}";
    }
    return "{\"count\":" + v.size() + ",\"p50\":" + ms(rank(v, 50)) + ",\"p90\":" + ms(rank(v, 90)) + ",\"p99\":"
        + ms(rank(v, 99)) + ",\"max\":" + ms(v.get(v.size() - 1)) + "}";
  }

  static long rank(List<Long> sorted, double p) {
    int r = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, r - 1)));
  }

  private static String ms(long micros) {
    return num(micros / 1000.0);
  }
}
