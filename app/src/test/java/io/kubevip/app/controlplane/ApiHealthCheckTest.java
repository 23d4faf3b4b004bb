// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiHealthCheckTest {
  private final List<String> events = new ArrayList<>();
  private final ApiHealthCheck.Listener listener = new ApiHealthCheck.Listener() {
    @Override
    public void unhealthy(String reason) {
      events.add("unhealthy: " + reason);
    }

    @Override
    public void healthy() {
      events.add("healthy");
    }
  };

  @Test
  void givenThreshold3_whenTwoFailuresThenSuccess_thenNothingReported() {
    boolean[] answers = {false, false, true, false};
    AtomicInteger i = new AtomicInteger();
    ApiHealthCheck check = new ApiHealthCheck(() -> answers[i.getAndIncrement()], Duration.ofSeconds(1), 3, listener);
    for (int n = 0; n < answers.length; n++) {
      check.checkOnce();
    }
    assertThat(events).isEmpty();
  }

  @Test
  void givenThreshold2_whenFailingThenRecovering_thenOneUnhealthyThenOneHealthy() {
    AtomicInteger calls = new AtomicInteger();
    ApiHealthCheck check = new ApiHealthCheck(() -> {
      if (calls.incrementAndGet() <= 3) {
        throw new IOException("connection refused");
      }
      return true;
    }, Duration.ofSeconds(1), 2, listener);
    for (int n = 0; n < 5; n++) {
      check.checkOnce();
    }
    assertThat(events).containsExactly("unhealthy: 2 failed checks, last: connection refused", "healthy");
  }

  @Test
  void givenHttpProbe_whenServerAnswers200Then500_thenHealthyThenFailure() throws Exception {
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/livez", ex -> {
      ex.sendResponseHeaders(status.get(), -1);
      ex.close();
    });
    server.start();
    try {
      ApiHealthCheck.Probe probe = ApiHealthCheck.http(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/livez"), Duration.ofSeconds(5), null);
      assertThat(probe.ok()).isTrue();
      status.set(500);
      org.assertj.core.api.Assertions.assertThatThrownBy(probe::ok).hasMessageContaining("HTTP 500");
    } finally {
      server.stop(0);
    }
  }
}
