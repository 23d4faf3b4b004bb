// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.election;

import java.time.Duration;

/**
 * Lease timings ({@code vip_leaseduration}, {@code vip_renewdeadline}, {@code vip_retryperiod}; kube-vip defaults
 * 15/10/2 s).
 *
 * <p>Fencing bound: a leader whose last successful renewal was at {@code r} (its own clock) stops announcing at
 * {@code r + renewDeadline}. A candidate may take the Lease only after it has seen no change for
 * {@code leaseDuration} on its own clock, counted from when it observed that renewal, which is no earlier than
 * {@code r}. So the old leader has been silent for at least {@code leaseDuration - renewDeadline} (the fencing margin)
 * before anyone else can announce; only clock-rate drift, not clock offset, eats into it.
 */
public record ElectionTiming(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
  public static final ElectionTiming KUBE_VIP_DEFAULTS =
      new ElectionTiming(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

  public ElectionTiming {
    if (retryPeriod.isZero() || retryPeriod.isNegative()) {
      throw new IllegalArgumentException("vip_retryperiod " + retryPeriod + ": must be > 0");
    }
    if (renewDeadline.compareTo(retryPeriod) <= 0) {
      throw new IllegalArgumentException("vip_renewdeadline " + renewDeadline + ": must be > vip_retryperiod " + retryPeriod);
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException("vip_leaseduration " + leaseDuration + ": must be > vip_renewdeadline " + renewDeadline);
    }
  }

  /** Time between the leader going silent (fenced) and the earliest moment another node may announce. */
  public Duration fencingMargin() {
    return leaseDuration.minus(renewDeadline);
  }
}
