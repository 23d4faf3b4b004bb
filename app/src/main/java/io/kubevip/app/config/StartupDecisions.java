// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static io.kubevip.app.config.SettingsTable.*;

import java.util.ArrayList;
import java.util.List;

/** The manager's start-up decisions, one line each with the setting (and its origin) that caused it. */
public final class StartupDecisions {
  private StartupDecisions() {}

  public static List<String> of(EffectiveConfig c) {
    List<String> lines = new ArrayList<>();
    DataPlaneMode mode = DataPlaneMode.of(c);
    lines.add("mode " + mode.profile() + " (profile " + mode.profile() + "): " + because(c, mode.setting()));
    lines.add("control plane " + onOff(c, CP_ENABLE) + ": " + because(c, CP_ENABLE));
    lines.add("services " + onOff(c, SVC_ENABLE) + ": " + because(c, SVC_ENABLE));
    lines.add("leader election timings lease " + human(c, VIP_LEASEDURATION) + ", renew " + human(c, VIP_RENEWDEADLINE)
        + ", retry " + human(c, VIP_RETRYPERIOD) + ": " + because(c, VIP_LEASEDURATION) + ", "
        + because(c, VIP_RENEWDEADLINE) + ", " + because(c, VIP_RETRYPERIOD));
    String metrics = c.normalized(PROMETHEUS_SERVER).map(m -> "metrics at " + m + "/metrics")
        .orElse("metrics off");
    lines.add(metrics + ": " + because(c, PROMETHEUS_SERVER));
    String health = c.normalized(HEALTH_CHECK_PORT).filter(p -> !p.equals("0"))
        .map(p -> "/livez, /readyz and /healthz on port " + p)
        .orElse(c.normalized(PROMETHEUS_SERVER).isPresent() ? "/livez, /readyz and /healthz on the metrics port"
            : "no HTTP server");
    lines.add(health + ": " + because(c, HEALTH_CHECK_PORT));
    lines.add("log format " + c.normalized(LOG_FORMAT).orElse("text") + ": " + because(c, LOG_FORMAT));
    return lines;
  }

  private static String onOff(EffectiveConfig c, Setting s) {
    return c.isTrue(s) ? "on" : "off";
  }

  private static String human(EffectiveConfig c, Setting s) {
    return c.normalized(s).map(t -> Durations.human(Durations.parse(t, java.time.temporal.ChronoUnit.MILLIS)))
        .orElse("?");
  }

  /** {@code vip_arp=true (env)}, {@code --arp=true (flag)}, {@code svc_enable=false (default)}. */
  static String because(EffectiveConfig c, Setting s) {
    ResolvedValue v = c.get(s);
    return v.where() + "=" + v.displayValue() + " (" + v.origin().label() + ")";
  }
}
