// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.BuildInfo;
import io.kubevip.app.settings.KubevipSettings;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics with kube-vip's names, scraped at prometheus_server/metrics. Meters go through Micrometer; the one
 * exception is the build info: Micrometer exports a gauge named {@code kube_vip_build_info} as
 * {@code kube_vip_build} (the Prometheus 1.x client reserves the {@code _info} suffix for Info metrics), so it is
 * registered as a Prometheus Info on the registry Micrometer itself exports.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  /** kube-vip's {@code kube_vip_build_info{version,build,node} 1}. */
  @Bean
  Info kubeVipBuildInfo(PrometheusRegistry registry, KubevipSettings settings) {
    BuildInfo build = BuildInfo.load();
    Info info = Info.builder().name("kube_vip_build_info").help("Build information of the running kubevip")
        .labelNames("version", "build", "node").register(registry);
    info.addLabelValues(build.version(), build.build(), settings.nodeName());
    return info;
  }
}
