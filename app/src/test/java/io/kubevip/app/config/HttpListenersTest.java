// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpListenersTest {
  static final Map<String, String> ARP = Map.of("vip_arp", "true", "cp_enable", "true", "address", "192.0.2.10");

  @Test
  void givenDefaultPrometheusServer_whenDerived_thenOneListenerOn2112ForEverything() {
    HttpListeners l = HttpListeners.of(Configs.config(ARP));
    assertThat(l.probes()).contains(new HostPort(null, 2112));
    assertThat(l.metrics()).isEmpty();
    assertThat(l.scrape()).isTrue();
  }

  @Test
  void givenHostAndPort_whenDerived_thenTheListenerFollowsPrometheusServer() {
    HttpListeners l = HttpListeners.of(Configs.config(with("prometheus_server", "127.0.0.1:9100")));
    assertThat(l.probes()).contains(new HostPort("127.0.0.1", 9100));
  }

  @Test
  void givenHealthCheckPort_whenDerived_thenProbesOnItAndMetricsOnPrometheusServer() {
    HttpListeners l = HttpListeners.of(Configs.config(with("health_check_port", "8081")));
    assertThat(l.probes()).contains(new HostPort(null, 8081));
    assertThat(l.metrics()).contains(new HostPort(null, 2112));
    assertThat(l.scrape()).isTrue();
  }

  @Test
  void givenHealthCheckPortAndNoMetrics_whenDerived_thenProbesOnlyAndNoScrape() {
    EffectiveConfig c = Configs.resolve(with("health_check_port", "8081"), Map.of("--prometheusHTTPServer", ""),
        List.of()).config();
    HttpListeners l = HttpListeners.of(c);
    assertThat(l.probes()).contains(new HostPort(null, 8081));
    assertThat(l.metrics()).isEmpty();
    assertThat(l.scrape()).isFalse();
  }

  @Test
  void givenEmptyPrometheusFlagAndNoHealthPort_whenDerived_thenNoListener() {
    EffectiveConfig c = Configs.resolve(ARP, Map.of("--prometheusHTTPServer", ""), List.of()).config();
    HttpListeners l = HttpListeners.of(c);
    assertThat(l.none()).isTrue();
    assertThat(l.probes()).isEqualTo(Optional.empty());
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> m = new HashMap<>(ARP);
    m.put(key, value);
    return m;
  }
}
