// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional local API health gate ({@code control_plane_health_check_address}, e.g.
 * {@code https://localhost:6443/livez}): probed every period; after {@code failureThreshold} failures in a row the
 * node gives the lease up, and campaigns again after the next success. A node whose own API server is down should
 * not attract the control-plane traffic.
 */
public final class ApiHealthCheck implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHealthCheck.class);

  /** One probe: true when healthy; an exception is a failure with its message as the reason. */
  public interface Probe {
    boolean ok() throws Exception;
  }

  /** Transitions only, on the check's thread. */
  public interface Listener {
    void unhealthy(String reason);

    void healthy();
  }

  private final Probe probe;
  private final Duration period;
  private final int failureThreshold;
  private final Listener listener;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "api-health-check");
    t.setDaemon(true);
    return t;
  });
  private int failures;
  private boolean unhealthy;

  public ApiHealthCheck(Probe probe, Duration period, int failureThreshold, Listener listener) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.period = Objects.requireNonNull(period, "period");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("control_plane_health_check_failure_threshold " + failureThreshold
          + ": expected at least 1");
    }
    this.failureThreshold = failureThreshold;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Starts probing every period. */
  public void start() {
    timer.scheduleWithFixedDelay(this::checkOnce, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** One probe and its consequence; called by the timer, directly by tests. */
  synchronized void checkOnce() {
    String reason;
    try {
      if (probe.ok()) {
        failures = 0;
        if (unhealthy) {
          unhealthy = false;
          LOG.info("local API server healthy again");
          listener.healthy();
        }
        return;
      }
      reason = "unhealthy answer";
    } catch (Exception e) {
      reason = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    failures++;
    if (!unhealthy && failures >= failureThreshold) {
      unhealthy = true;
      listener.unhealthy(failures + " failed checks, last: " + reason);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * HTTP GET of {@code address}: healthy on a 2xx answer within {@code timeout}. HTTPS trusts {@code caPath} when
   * given (the cluster CA, for the API server's own certificate), else the JDK's default trust store.
   */
  public static Probe http(URI address, Duration timeout, Path caPath) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout);
    if (caPath != null) {
      b.sslContext(trusting(caPath));
    }
    HttpClient client = b.build();
    HttpRequest request = HttpRequest.newBuilder(address).timeout(timeout).GET().build();
    return () -> {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new IOException(address + " answered HTTP " + status);
      }
      return true;
    };
  }

  private static SSLContext trusting(Path caPath) {
    try (InputStream in = Files.newInputStream(caPath)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("control_plane_health_check_ca_path '" + caPath + "': " + e.getMessage(), e);
    }
  }
}
