// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.services;

import io.kubevip.ports.out.MetricsPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Services metrics kube-vip users scrape ({@code kube_vip_active_services}) plus the reconcile duration histogram
 * and error count that tell whether passes keep up. The controller reports active VIPs through {@link MetricsPort};
 * {@link ServicesNode} times whole passes (allocator and controller) itself.
 */
public final class ServicesMeters implements MetricsPort {
  private final AtomicInteger active = new AtomicInteger();
  private final Timer duration;
  private final Counter errors;

  public ServicesMeters(MeterRegistry registry, String node) {
    Gauge.builder("kube_vip_active_services", active, AtomicInteger::get)
        .description("Service VIPs this node announces").tag("node", node).register(registry);
    duration = Timer.builder("kube_vip_service_reconcile_duration")
        .description("One Services pass: allocation and announcement").publishPercentileHistogram().register(registry);
    errors = Counter.builder("kube_vip_service_reconcile_errors")
        .description("Services passes that failed or left actions undone").register(registry);
  }

  @Override
  public void activeServices(int count) {
    active.set(count);
  }

  /** One whole pass finished. */
  void passCompleted(Duration took, boolean succeeded) {
    duration.record(took);
    if (!succeeded) {
      errors.increment();
    }
  }

  int active() {
    return active.get();
  }
}
