// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubevip.app.config.Configs;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.config.Feature;
import io.kubevip.app.config.FeatureAvailability;
import io.kubevip.app.settings.KubevipSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * BGP profile with a separate health port: probes on health_check_port, metrics on prometheus_server, and the
 * sub-second lease timings only kubevip.* properties can express. The speaker is a fake ({@link FakeBgpNetwork}):
 * the peer below is a documentation address that must never be dialled.
 */
@SpringBootTest(classes = {KubevipApplication.class, FakeBgpNetwork.class})
@ContextConfiguration(initializers = ManagerContextBgpTest.Init.class)
class ManagerContextBgpTest {
  static final int HEALTH_PORT = freePort();

  static class Init extends KubevipContextInitializer {
    Init() {
      super(Configs.resolve(Map.of("bgp_enable", "true", "cp_enable", "true", "address", "192.0.2.10",
              "bgp_routerid", "192.0.2.100", "prometheus_server", "127.0.0.1:0",
              "health_check_port", Integer.toString(HEALTH_PORT), "bgp_peers", "192.0.2.1:65001:s3cret::1179"),
          Map.of(), java.util.List.of(
              new io.kubevip.app.config.PropertyEntry("kubevip.leader-election.lease-duration", "800ms", "test"),
              new io.kubevip.app.config.PropertyEntry("kubevip.leader-election.renew-deadline", "500ms", "test"),
              new io.kubevip.app.config.PropertyEntry("kubevip.leader-election.retry-period", "100ms", "test")))
              .config(),
          FeatureAvailability.of(Feature.BGP, Feature.SERVICES));
    }
  }

  @Autowired
  ManagementServer http;
  @Autowired
  Environment environment;
  @Autowired
  ApplicationContext context;
  @Autowired
  KubevipSettings settings;

  @Test
  void givenBgpConfig_whenContextStarts_thenOnlyTheBgpProfileIsActive() {
    assertThat(environment.getActiveProfiles()).containsExactly("bgp");
    assertThat(context.getBeansOfType(ModeMarker.class).values()).containsExactly(new ModeMarker(DataPlaneMode.BGP));
    assertThat(context.getBeansOfType(ArpModeConfiguration.class)).isEmpty();
  }

  @Test
  void givenSubSecondProperties_whenBound_thenSettingsKeepMilliseconds() {
    assertThat(settings.leaderElection().leaseDuration()).isEqualTo(Duration.ofMillis(800));
    assertThat(settings.leaderElection().retryPeriod()).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.bgp().peers()).singleElement().satisfies(p -> {
      assertThat(p.as()).isEqualTo(65001);
      assertThat(p.port()).isEqualTo(1179);
      assertThat(p.password()).isEqualTo("s3cret");
    });
  }

  @Test
  void givenHealthCheckPort_whenProbed_thenProbesOnHealthPortAndMetricsOnMetricsPort() throws Exception {
    int serverPort = http.probesPort();
    int managementPort = http.metricsPort();
    assertThat(serverPort).isEqualTo(HEALTH_PORT);
    assertThat(managementPort).isPositive().isNotEqualTo(HEALTH_PORT);
    assertThat(get(serverPort, "/livez").statusCode()).isEqualTo(200);
    assertThat(get(serverPort, "/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get(managementPort, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("kube_vip_build_info{");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
