// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.EffectiveConfig;
import io.kubevip.app.config.HttpListeners;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The probes and the scrape over the JDK's HTTP server ({@link ManagementServer}), on kube-vip's addresses. */
@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

  @Bean
  ManagementServer managementServer(EffectiveConfig effectiveConfig, HealthEndpoint health,
      ObjectProvider<PrometheusRegistry> registry) {
    return new ManagementServer(HttpListeners.of(effectiveConfig), health, Optional.ofNullable(registry.getIfAvailable()));
  }
}
