// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.BuildInfo;
import io.kubevip.app.settings.KubevipSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics with kube-vip's names, registered through Micrometer and scraped at prometheus_server/metrics. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  /** kube-vip's {@code kube_vip_build_info{version,build,node} 1}. */
  @Bean
  MeterBinder kubeVipBuildInfo(KubevipSettings settings) {
    BuildInfo info = BuildInfo.load();
    return registry -> Gauge.builder("kube_vip_build_info", () -> 1)
        .description("Build information of the running kubevip")
        .tag("version", info.version()).tag("build", info.build()).tag("node", settings.nodeName())
        .register(registry);
  }
}
