// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.lease;

import java.time.Duration;

/**
 * The three leader-election durations, validated together because they only make sense in order:
 * {@code leaseDuration > renewDeadline > JITTER_FACTOR × retryPeriod > 0}.
 *
 * <ul>
 *   <li>{@code leaseDuration} ({@code vip_leaseduration}): how long others wait after the last renewal before
 *       taking over.
 *   <li>{@code renewDeadline} ({@code vip_renewdeadline}): how long the holder keeps trying to renew before it
 *       gives up and must stop announcing.
 *   <li>{@code retryPeriod} ({@code vip_retryperiod}): pause between attempts.
 * </ul>
 *
 * <p>{@code leaseDuration - renewDeadline} is the safety margin: it must cover the clock skew between nodes plus
 * the time to withdraw a VIP, see {@link LeaseArithmetic#fencingDeadline}.
 */
public record LeaseTiming(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
  /** client-go {@code leaderelection.JitterFactor}: retries wait between 1 and 2.2 retry periods. */
  public static final double JITTER_FACTOR = 1.2;

  /** kube-vip defaults ({@code pkg/kubevip/config_envvar.go}): 15 s, 10 s, 2 s. */
  public static final LeaseTiming DEFAULT =
      new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

  public LeaseTiming {
    requirePositive("vip_leaseduration", leaseDuration);
    requirePositive("vip_renewdeadline", renewDeadline);
    requirePositive("vip_retryperiod", retryPeriod);
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException("vip_renewdeadline=" + text(renewDeadline) + " must be shorter than vip_leaseduration="
          + text(leaseDuration) + ": a holder must give up before others may take the lease over");
    }
    Duration jittered = Duration.ofNanos((long) (retryPeriod.toNanos() * JITTER_FACTOR));
    if (jittered.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException("vip_retryperiod=" + text(retryPeriod) + " is too long for vip_renewdeadline="
          + text(renewDeadline) + ": expected retryperiod × " + JITTER_FACTOR + " < renewdeadline, so a holder gets"
          + " more than one renewal attempt");
    }
  }

  public static LeaseTiming ofSeconds(long leaseDuration, long renewDeadline, long retryPeriod) {
    return new LeaseTiming(Duration.ofSeconds(leaseDuration), Duration.ofSeconds(renewDeadline), Duration.ofSeconds(retryPeriod));
  }

  /** The most clock skew between two nodes this timing tolerates without both announcing at once. */
  public Duration safetyMargin() {
    return leaseDuration.minus(renewDeadline);
  }

  /**
   * The pause before the next attempt: {@code retryPeriod × (1 + JITTER_FACTOR × unitRandom)} as client-go's
   * {@code wait.Jitter}; the caller supplies the random number so this stays deterministic.
   *
   * @param unitRandom a value in [0, 1)
   */
  public Duration retryDelay(double unitRandom) {
    if (!(unitRandom >= 0 && unitRandom < 1)) {
      throw new IllegalArgumentException("unitRandom " + unitRandom + ": expected a value in [0, 1)");
    }
    return retryPeriod.plusNanos((long) (retryPeriod.toNanos() * JITTER_FACTOR * unitRandom));
  }

  private static void requirePositive(String setting, Duration d) {
    if (d == null) {
      throw new IllegalArgumentException(setting + " is missing: expected a positive duration such as 5s");
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(setting + "=" + text(d) + ": expected a positive duration");
    }
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
