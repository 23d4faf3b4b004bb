// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubevip.app.config.HostPort;
import io.kubevip.app.config.HttpListeners;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the kubelet's probes, {@code /health} and the Prometheus scrape over the JDK's own HTTP server. The
 * health model is Actuator's (indicators, groups, status aggregation); only the transport is not Spring MVC on
 * Tomcat, which cost about 24 MiB of resident memory for five GET paths on a process that must fit in 128 MiB
 * (issue #5).
 *
 * <p>Paths, on the listeners {@link HttpListeners} chooses: {@code /livez} (group {@code liveness}),
 * {@code /readyz} ({@code readiness}) and {@code /healthz} ({@code healthz}) answer the group's status only;
 * {@code /health} and {@code /health/<group>[/<component>]} answer with every component and detail;
 * {@code /metrics} in the format the scraper's {@code Accept} header asks for. DOWN and OUT_OF_SERVICE answer 503,
 * as Actuator does.
 */
public final class ManagementServer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
  private static final List<String> PROBES = List.of("/livez", "/readyz", "/healthz");
  private static final String JSON = "application/json";

  private final HttpListeners listeners;
  private final HealthEndpoint health;
  private final Optional<PrometheusRegistry> registry;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpCodeStatusMapper statusCodes = new SimpleHttpCodeStatusMapper();
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final List<HttpServer> servers = new ArrayList<>();
  private ThreadPoolExecutor executor;
  private volatile int probesPort = -1;
  private volatile int metricsPort = -1;

  public ManagementServer(HttpListeners listeners, HealthEndpoint health, Optional<PrometheusRegistry> registry) {
    this.listeners = listeners;
    this.health = health;
    this.registry = listeners.scrape() ? registry : Optional.empty();
  }

  @Override
  public synchronized void start() {
    if (isRunning() || listeners.none()) {
      return;
    }
    AtomicInteger n = new AtomicInteger();
    // Two workers; when 64 requests wait, the server's own thread answers the next one itself (back-pressure
    // instead of an unbounded queue or a refused probe).
    executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64), r -> {
      Thread t = new Thread(r, "kubevip-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    try {
      listeners.probes().ifPresent(p -> probesPort = listen(p, listeners.metrics().isEmpty()));
      listeners.metrics().ifPresent(m -> metricsPort = listen(m, true));
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private int listen(HostPort at, boolean withHealthAndMetrics) {
    try {
      InetSocketAddress address = at.host() == null ? new InetSocketAddress(at.port())
          : new InetSocketAddress(InetAddress.getByName(at.host()), at.port());
      HttpServer server = HttpServer.create(address, 16);
      server.setExecutor(executor);
      server.createContext("/", exchange -> serve(exchange, withHealthAndMetrics));
      server.start();
      servers.add(server);
      LOG.info("serving {} on {}", withHealthAndMetrics ? "probes, /health and " + (registry.isPresent()
          ? "/metrics" : "no /metrics") : "probes", server.getAddress());
      return server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + at + " for HTTP (prometheus_server / health_check_port): "
          + e.getMessage(), e);
    }
  }

  private void serve(HttpExchange exchange, boolean withHealthAndMetrics) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain", new byte[0]);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (PROBES.contains(path)) {
        HealthDescriptor group = health.healthForPath(path.equals("/livez") ? "liveness"
            : path.equals("/readyz") ? "readiness" : "healthz");
        answerHealth(exchange, group, true);
      } else if (withHealthAndMetrics && path.equals("/metrics") && registry.isPresent()) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        writer.write(body, registry.get().scrape());
        respond(exchange, 200, writer.getContentType(), body.toByteArray());
      } else if (withHealthAndMetrics && (path.equals("/health") || path.startsWith("/health/"))) {
        String[] parts = Arrays.stream(path.substring("/health".length()).split("/")).filter(s -> !s.isEmpty())
            .toArray(String[]::new);
        answerHealth(exchange, parts.length == 0 ? health.health() : health.healthForPath(parts), false);
      } else {
        respond(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      LOG.debug("HTTP {} failed", exchange.getRequestURI(), e);
      respond(exchange, 500, "text/plain", (e.getClass().getSimpleName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private void answerHealth(HttpExchange exchange, HealthDescriptor descriptor, boolean statusOnly)
      throws IOException {
    if (descriptor == null) {
      respond(exchange, 404, "text/plain", "no such health group or component\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    int code = statusCodes.getStatusCode(descriptor.getStatus());
    Object body = statusOnly ? Map.of("status", descriptor.getStatus().getCode()) : descriptor;
    respond(exchange, code, JSON, json.writeValueAsBytes(body));
  }

  private static void respond(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public synchronized void stop() {
    servers.forEach(s -> s.stop(0));
    servers.clear();
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return !servers.isEmpty();
  }

  /** Starts before and stops after the managers' own lifecycles, as Boot's embedded web servers do. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }

  /** The bound port of the probe listener (the metrics listener when there is only one); -1 when none. */
  public int probesPort() {
    return probesPort;
  }

  /** The bound port of the separate metrics listener; -1 when the probe listener serves metrics too. */
  public int metricsPort() {
    return metricsPort;
  }
}
