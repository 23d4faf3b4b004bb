// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * kube-vip's rule for {@code vip_arpRate} ({@code pkg/kubevip/config_envvar.go}): a value under 500 ms is replaced by
 * 3000 ms. kube-vip does it silently; kubevip does the same but says so, because refusing would break manifests
 * that work with kube-vip.
 */
public final class ArpRate {
  public static final Duration MINIMUM = Duration.ofMillis(500);
  public static final Duration FALLBACK = Duration.ofMillis(3000);

  private ArpRate() {}

  /** The rate kubevip uses for a configured one. */
  public static Duration effective(Duration configured) {
    return configured == null || configured.compareTo(MINIMUM) < 0 ? FALLBACK : configured;
  }

  /** The warning for a configured rate that falls back, naming the setting as written. */
  static Optional<String> fallbackWarning(EffectiveConfig config) {
    Optional<Duration> rate;
    try {
      rate = config.normalized(SettingsTable.VIP_ARPRATE).map(t -> Durations.parse(t, ChronoUnit.MILLIS));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // reported as a problem by the validator
    }
    ResolvedValue v = config.get(SettingsTable.VIP_ARPRATE);
    return rate.filter(r -> r.compareTo(MINIMUM) < 0)
        .map(r -> v.where() + ": '" + v.displayValue() + "' is below " + MINIMUM.toMillis() + " ms; using "
            + FALLBACK.toMillis() + " ms as kube-vip does");
  }
}
