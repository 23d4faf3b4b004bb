// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.app.config.ArpRate;
import io.kubevip.app.controlplane.ControlPlaneMeters;
import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.controlplane.ControlPlaneSettings;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.MetricsPort;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The control-plane VIP in ARP mode ({@code vip_arp} and {@code cp_enable}): Kubernetes connection, Lease election
 * as this node, the node itself, its two lifecycle phases and its readiness indicator. The network side comes from
 * {@link ArpDataPlaneConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
@ConditionalOnBooleanProperty("kubevip.control-plane.enabled")
public class ControlPlaneConfiguration {

  @Bean(destroyMethod = "close")
  KubernetesAdapter kubernetesAdapter(KubevipProperties p) {
    return KubernetesAdapter.connect(p.kubernetes().configFile(), p.kubernetes().address(), p.controlPlane().port(),
        System.getenv());
  }

  @Bean
  ControlPlaneSettings controlPlaneSettings(KubevipSettings s, KubevipProperties p) {
    LeaseName lease = LeaseName.parse("vip_leasename", s.leaderElection().leaseName(), s.leaderElection().namespace());
    String iface = s.vip().interfaceName() != null ? s.vip().interfaceName()
        : DefaultRouteInterface.find(DefaultRouteInterface.PROC_NET_ROUTE).orElseThrow(() -> new IllegalStateException(
            "vip_interface is not set and there is no IPv4 default route to take the interface from;"
                + " expected vip_interface, e.g. eth0"));
    return new ControlPlaneSettings(lease, s.nodeName(), s.vip().addresses(), InterfaceName.of(iface),
        ArpRate.effective(p.arp().rate()), p.loseLeadership().enabled(), p.loseLeadership().timeout(),
        ControlPlaneSettings.DEFAULT_DUPLICATE_PROBE_PERIOD);
  }

  @Bean
  LeaderElectionPort controlPlaneElection(KubernetesAdapter kubernetes, KubevipSettings s) {
    var le = s.leaderElection();
    return kubernetes.leaderElection(s.nodeName(), new LeaseTiming(le.leaseDuration(), le.renewDeadline(),
        le.retryPeriod()), Clock.systemUTC());
  }

  @Bean
  ControlPlaneMeters controlPlaneMeters(MeterRegistry registry, ControlPlaneSettings settings) {
    return new ControlPlaneMeters(registry, settings.identity(), settings.lease());
  }

  @Bean
  ControlPlaneNode controlPlaneNode(ControlPlaneSettings settings, LeaderElectionPort controlPlaneElection,
      ArpDataPlane dataPlane, ControlPlaneMeters meters) {
    return new ControlPlaneNode(settings, controlPlaneElection, dataPlane.addresses(), dataPlane.announcer(),
        dataPlane.monitor(), dataPlane.duplicates(), meters, MetricsPort.NOOP, Clock.systemUTC());
  }

  @Bean
  ControlPlaneLifecycles.Campaign controlPlaneCampaign(KubernetesAdapter kubernetes, ControlPlaneNode node,
      ControlPlaneSettings settings) {
    return new ControlPlaneLifecycles.Campaign(kubernetes, node, settings);
  }

  @Bean
  ControlPlaneLifecycles.Serving controlPlaneServing(ControlPlaneNode node) {
    return new ControlPlaneLifecycles.Serving(node);
  }

  @Bean
  ControlPlaneHealthIndicator controlPlaneHealthIndicator(ControlPlaneNode node, ControlPlaneSettings settings) {
    return new ControlPlaneHealthIndicator(node, settings);
  }
}
