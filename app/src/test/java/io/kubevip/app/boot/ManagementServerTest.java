// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubevip.app.config.HostPort;
import io.kubevip.app.config.HttpListeners;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

/**
 * The probes and the scrape without Tomcat: each path maps to the Actuator group kube-vip users probe, a DOWN
 * group answers 503, probes carry the status only, and a separate metrics listener keeps /metrics off the probe
 * port.
 */
class ManagementServerTest {
  static final HostPort LOOPBACK_ANY_PORT = new HostPort("127.0.0.1", 0);

  final AtomicBoolean ready = new AtomicBoolean(true);
  final PrometheusRegistry registry = new PrometheusRegistry();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  ManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void givenOneListener_whenProbed_thenGroupsAnswerAndDownIs503WithStatusOnly() throws Exception {
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), true));
    int port = server.probesPort();
    assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
    assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(port, "/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    });

    ready.set(false);
    assertThat(get(port, "/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("{\"status\":\"DOWN\"}");
    });
    assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
    assertThat(get(port, "/health/readiness")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("\"services\"").contains("\"synced\":false");
    });
    assertThat(get(port, "/health").statusCode()).isEqualTo(503);
  }

  @Test
  void givenOneListener_whenScraped_thenPrometheusTextOrOpenMetricsAsAccepted() throws Exception {
    Info.builder().name("kube_vip_test_info").help("test").labelNames("node").register(registry).addLabelValues("a");
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), true));
    HttpResponse<String> text = get(server.probesPort(), "/metrics");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(text.body()).contains("kube_vip_test_info{node=\"a\"} 1");
    HttpResponse<String> open = client.send(HttpRequest.newBuilder(uri(server.probesPort(), "/metrics"))
        .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(open.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
    assertThat(open.body()).endsWith("# EOF\n");
  }

  @Test
  void givenSeparateMetricsListener_whenRequested_thenProbePortServesProbesOnly() throws Exception {
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.of(LOOPBACK_ANY_PORT), true));
    assertThat(server.metricsPort()).isPositive().isNotEqualTo(server.probesPort());
    assertThat(get(server.probesPort(), "/readyz").statusCode()).isEqualTo(200);
    assertThat(get(server.probesPort(), "/metrics").statusCode()).isEqualTo(404);
    assertThat(get(server.probesPort(), "/health").statusCode()).isEqualTo(404);
    assertThat(get(server.metricsPort(), "/metrics").statusCode()).isEqualTo(200);
    assertThat(get(server.metricsPort(), "/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void givenScrapeOff_whenMetricsRequested_thenNotFoundButHealthServed() throws Exception {
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), false));
    assertThat(get(server.probesPort(), "/metrics").statusCode()).isEqualTo(404);
    assertThat(get(server.probesPort(), "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void givenUnknownPathsAndMethods_whenRequested_then404And405() throws Exception {
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), true));
    int port = server.probesPort();
    assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
    assertThat(get(port, "/health/no-such-group").statusCode()).isEqualTo(404);
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri(port, "/readyz"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri(port, "/readyz"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void givenNoListener_whenStarted_thenNothingRuns() {
    server = start(new HttpListeners(Optional.empty(), Optional.empty(), false));
    assertThat(server.isRunning()).isFalse();
    assertThat(server.probesPort()).isEqualTo(-1);
  }

  @Test
  void givenPortInUse_whenStarted_thenErrorNamesTheSettingsAndNothingKeepsListening() {
    server = start(new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), true));
    HostPort taken = new HostPort("127.0.0.1", server.probesPort());
    ManagementServer second = new ManagementServer(
        new HttpListeners(Optional.of(LOOPBACK_ANY_PORT), Optional.of(taken), true), endpoint(), Optional.of(registry));
    assertThatThrownBy(second::start).hasMessageContaining("prometheus_server").hasMessageContaining(taken.toString());
    assertThat(second.isRunning()).isFalse();
  }

  private ManagementServer start(HttpListeners listeners) {
    ManagementServer s = new ManagementServer(listeners, endpoint(), Optional.of(registry));
    s.start();
    return s;
  }

  private HealthEndpoint endpoint() {
    HealthIndicator services = () -> ready.get() ? Health.up().withDetail("synced", true).build()
        : Health.down().withDetail("synced", false).build();
    HealthIndicator liveness = () -> Health.up().build();
    DefaultHealthContributorRegistry contributors = new DefaultHealthContributorRegistry(List.of(), r -> {
      r.accept("services", services);
      r.accept("livenessState", liveness);
    });
    HealthEndpointGroups groups = HealthEndpointGroups.of(new Group(name -> true), Map.of(
        "liveness", new Group("livenessState"::equals), "healthz", new Group("livenessState"::equals),
        "readiness", new Group("services"::equals)));
    return new HealthEndpoint(contributors, null, groups, Duration.ofSeconds(10));
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A group as Actuator configures one, members chosen by name, everything shown. */
  private record Group(java.util.function.Predicate<String> members) implements HealthEndpointGroup {
    @Override
    public boolean isMember(String name) {
      return members.test(name);
    }

    @Override
    public boolean showComponents(SecurityContext securityContext) {
      return true;
    }

    @Override
    public boolean showDetails(SecurityContext securityContext) {
      return true;
    }

    @Override
    public StatusAggregator getStatusAggregator() {
      return new SimpleStatusAggregator();
    }

    @Override
    public HttpCodeStatusMapper getHttpCodeStatusMapper() {
      return new SimpleHttpCodeStatusMapper();
    }

    @Override
    public AdditionalHealthEndpointPath getAdditionalPath() {
      return null;
    }
  }
}
