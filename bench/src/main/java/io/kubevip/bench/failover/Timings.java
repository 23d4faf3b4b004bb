// SPDX-License-Identifier: Apache-2.0
package io.kubevip.bench.failover;

import java.time.Duration;

/** Leader-election timings of a kubevip profile. */
record Timings(Duration lease, Duration renew, Duration retry) {
  /** kube-vip's vip_leaseduration / vip_renewdeadline / vip_retryperiod defaults. */
  static final Timings KUBE_VIP_DEFAULTS =
      new Timings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

  Timings {
    if (!(lease.compareTo(renew) > 0 && renew.compareTo(retry) > 0 && retry.toMillis() > 0)) {
      throw new IllegalArgumentException("--tuned must satisfy lease > renew > retry > 0, was "
          + lease.toMillis() + "," + renew.toMillis() + "," + retry.toMillis() + " ms");
    }
  }

  /** "1000,700,200" in milliseconds. */
  static Timings parse(String value) {
    String[] f = value.split(",");
    if (f.length != 3) {
      throw new IllegalArgumentException("--tuned expects lease,renew,retry in ms (e.g. 1000,700,200), was '"
          + value + "'");
    }
    try {
      return new Timings(Duration.ofMillis(Long.parseLong(f[0].trim())), Duration.ofMillis(Long.parseLong(
          f[1].trim())), Duration.ofMillis(Long.parseLong(f[2].trim())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tuned expects three whole numbers of ms, was '" + value + "'");
    }
  }
}
