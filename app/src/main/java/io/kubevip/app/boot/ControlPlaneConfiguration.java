// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.app.config.ArpRate;
import io.kubevip.app.controlplane.ControlPlaneMeters;
import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.controlplane.ControlPlaneSettings;
import io.kubevip.app.controlplane.LeaderLabelling;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.adapter.kubernetes.election.KubernetesLeaderElection;
import io.kubevip.ports.out.MetricsPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.kubevip.adapter.kubernetes.client.KubeconfigLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.LoggerFactory;
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

  /** Where a pod's ServiceAccount namespace is mounted; kube-vip puts its leases there when it runs in a pod. */
  static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Bean(destroyMethod = "close")
  KubernetesAdapter kubernetesAdapter(KubevipProperties p) {
    // k8s_config_file defaults to admin.conf; the locator tries that path itself and goes on when it is missing,
    // as kube-vip does, while an explicitly configured missing file is an error.
    String file = p.kubernetes().configFile();
    String explicit = file == null || file.equals(KubeconfigLocator.ADMIN_CONF.toString()) ? "" : file;
    return KubernetesAdapter.connect(explicit, p.kubernetes().address(), p.controlPlane().port(), System.getenv());
  }

  @Bean
  ControlPlaneSettings controlPlaneSettings(KubevipSettings s, KubevipProperties p) {
    LeaseName lease = LeaseName.parse("vip_leasename", s.leaderElection().leaseName(),
        leaseNamespace(SERVICE_ACCOUNT_NAMESPACE, s.leaderElection().namespace()));
    String iface = s.vip().interfaceName() != null ? s.vip().interfaceName()
        : DefaultRouteInterface.find(DefaultRouteInterface.PROC_NET_ROUTE).orElseThrow(() -> new IllegalStateException(
            "vip_interface is not set and there is no IPv4 default route to take the interface from;"
                + " expected vip_interface, e.g. eth0"));
    return new ControlPlaneSettings(lease, s.nodeName(), s.vip().addresses(), InterfaceName.of(iface),
        ArpRate.effective(p.arp().rate()), p.loseLeadership().enabled(), p.loseLeadership().timeout(),
        ControlPlaneSettings.DEFAULT_DUPLICATE_PROBE_PERIOD);
  }

  /** kube-vip: the pod's ServiceAccount namespace when running in a pod, else {@code cp_namespace}. */
  static String leaseNamespace(Path serviceAccountNamespace, String configured) {
    try {
      String ns = Files.readString(serviceAccountNamespace).trim();
      return ns.isEmpty() ? configured : ns;
    } catch (IOException e) {
      return configured;
    }
  }

  @Bean
  KubernetesLeaderElection controlPlaneElection(KubernetesAdapter kubernetes, KubevipSettings s) {
    var le = s.leaderElection();
    if (!le.enabled()) {
      LoggerFactory.getLogger(ControlPlaneConfiguration.class).info("vip_leaderelection=false: the control-plane VIP"
          + " in ARP mode is elected regardless, one node must own it (see docs/compat.md)");
    }
    return kubernetes.leaderElection(s.nodeName(), new LeaseTiming(le.leaseDuration(), le.renewDeadline(),
        le.retryPeriod()), Clock.systemUTC());
  }

  @Bean
  ControlPlaneMeters controlPlaneMeters(MeterRegistry registry, ControlPlaneSettings settings) {
    return new ControlPlaneMeters(registry, settings.identity(), settings.lease());
  }

  @Bean
  ControlPlaneNode controlPlaneNode(ControlPlaneSettings settings, KubernetesLeaderElection controlPlaneElection,
      ArpDataPlane dataPlane, ControlPlaneMeters meters, NodeLabelsPort nodeLabels) {
    LeaderElectionPort election = LeaderLabelling.wrap(controlPlaneElection, nodeLabels,
        NodeId.of(settings.identity()), settings.vips(), settings.arpRate());
    return new ControlPlaneNode(settings, election, dataPlane.addresses(), dataPlane.announcer(),
        dataPlane.monitor(), dataPlane.duplicates(), meters, MetricsPort.NOOP, Clock.systemUTC(),
        controlPlaneElection::lastTakeoverGap);
  }

  @Bean
  ControlPlaneLifecycles.Campaign controlPlaneCampaign(KubernetesAdapter kubernetes, ControlPlaneNode node,
      ControlPlaneSettings settings, KubevipProperties p) {
    return new ControlPlaneLifecycles.Campaign(kubernetes, node, settings, p.controlPlane().healthCheck());
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
