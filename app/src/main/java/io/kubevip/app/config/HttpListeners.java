// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.util.Optional;

/**
 * Where the manager listens for HTTP, as kube-vip splits it: {@code prometheus_server} serves {@code /metrics}, and
 * the probes ({@code /livez}, {@code /readyz}, {@code /healthz}) go to {@code health_check_port} when that is set,
 * else to the metrics address. {@code /health} (every indicator) and {@code /health/<group>} go with the metrics,
 * or with the probes when metrics are off.
 *
 * @param probes the listener for the kubelet's probes; empty when nothing serves them
 * @param metrics a separate listener for {@code /metrics} and {@code /health}; empty when the probe listener
 *     serves them too, or when metrics are off
 * @param scrape whether {@code /metrics} is served at all
 */
public record HttpListeners(Optional<HostPort> probes, Optional<HostPort> metrics, boolean scrape) {

  public static HttpListeners of(EffectiveConfig config) {
    Optional<HostPort> prometheus = config.normalized(SettingsTable.PROMETHEUS_SERVER).map(HostPort::parse);
    long healthPort = config.normalized(SettingsTable.HEALTH_CHECK_PORT).map(Long::parseLong).orElse(0L);
    if (healthPort > 0) {
      return new HttpListeners(Optional.of(new HostPort(null, (int) healthPort)), prometheus, prometheus.isPresent());
    }
    return new HttpListeners(prometheus, Optional.empty(), prometheus.isPresent());
  }

  /** True when no HTTP listener is configured at all. */
  public boolean none() {
    return probes.isEmpty() && metrics.isEmpty();
  }
}
