// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.arp.LinuxInterfaceSubnets;
import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.adapter.kubernetes.client.KubeconfigLocator;
import io.kubevip.adapter.kubernetes.election.KubernetesLeaderElection;
import io.kubevip.adapter.kubernetes.liveness.KubernetesNodeLiveness;
import io.kubevip.adapter.kubernetes.services.KubernetesClusterWatch;
import io.kubevip.adapter.kubernetes.services.KubernetesServiceStatus;
import io.kubevip.adapter.kubernetes.services.ServiceWatchSettings;
import io.kubevip.app.config.ArpRate;
import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.services.ServicesMeters;
import io.kubevip.app.services.ServicesNode;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * LoadBalancer Services in ARP mode ({@code vip_arp} and {@code svc_enable}): the cluster watch, Service status, one
 * liveness Lease per node, the {@code svc_leasename} election (one allocator cluster-wide, in every election mode),
 * the allocator, the controller over the ARP data plane of {@link ArpDataPlaneConfiguration}, two lifecycle phases
 * and a readiness indicator. The Kubernetes connection is the control plane's when {@code cp_enable} is on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("arp")
@ConditionalOnBooleanProperty("kubevip.services.enabled")
public class ServicesConfiguration {
  /** Events arriving within this time share one pass when {@code debounce_time} is not set. */
  static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);

  /** The API connection when the control plane (which owns one) is off. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "kubevip.control-plane.enabled", havingValue = false)
  static class OwnConnection {
    @Bean(destroyMethod = "close")
    KubernetesAdapter kubernetesAdapter(KubevipProperties p) {
      String file = p.kubernetes().configFile();
      String explicit = file == null || file.equals(KubeconfigLocator.ADMIN_CONF.toString()) ? "" : file;
      return KubernetesAdapter.connect(explicit, p.kubernetes().address(), p.controlPlane().port(), System.getenv());
    }
  }

  @Bean
  ServicesSettings servicesSettings(KubevipSettings s) {
    String iface = s.vip().interfaceName() != null ? s.vip().interfaceName()
        : DefaultRouteInterface.find(DefaultRouteInterface.PROC_NET_ROUTE).orElseThrow(() -> new IllegalStateException(
            "vip_interface is not set and there is no IPv4 default route to take the interface from;"
                + " expected vip_interface, e.g. eth0"));
    String servicesIface = s.vip().servicesInterfaceName();
    if ("auto".equals(servicesIface)) {
      LoggerFactory.getLogger(ServicesConfiguration.class).info("vip_servicesinterface=auto: each Service VIP goes on"
          + " the interface whose subnet holds it, else on vip_interface {}", iface);
    }
    Optional<VipAddress> cpVip = s.controlPlane() ? s.vip().addresses().stream().findFirst() : Optional.empty();
    List<VipAddress> cpVips = s.controlPlane() ? s.vip().addresses() : List.of(); // dual-stack: both
    return new ServicesSettings(NodeId.of(s.nodeName()), InterfaceName.of(iface),
        Optional.ofNullable(servicesIface).map(InterfaceName::of), s.leaderElection().servicesElection(), cpVip,
        cpVips);
  }

  /** Opened on the first {@code auto} question only, in {@code kubevip_netns} when set; closed with the context. */
  @Bean(destroyMethod = "close")
  @Lazy
  LinuxInterfaceSubnets linuxInterfaceSubnets(ArpDataPlaneConfiguration.DataPlaneNamespace ns) {
    return ns.namespace().map(LinuxInterfaceSubnets::openIn).orElseGet(LinuxInterfaceSubnets::open);
  }

  @Bean
  ServicesMeters servicesMeters(MeterRegistry registry, KubevipSettings s) {
    return new ServicesMeters(registry, s.nodeName());
  }

  @Bean
  ServicesNode servicesNode(KubernetesAdapter kubernetes, KubevipSettings s, KubevipProperties p,
      ServicesSettings settings, ArpDataPlane dataPlane, ServicesMeters meters,
      ObjectProvider<LinuxInterfaceSubnets> subnets, ObjectProvider<ControlPlaneNode> controlPlane) {
    controlPlane.ifAvailable(ControlPlaneNode::leaveOtherAddressesToServices); // before any lifecycle starts
    var le = s.leaderElection();
    LeaseTiming timing = new LeaseTiming(le.leaseDuration(), le.renewDeadline(), le.retryPeriod());
    String leaseNamespace = ControlPlaneConfiguration.leaseNamespace(ControlPlaneConfiguration.SERVICE_ACCOUNT_NAMESPACE,
        le.namespace());
    LeaseName lease = LeaseName.parse("svc_leasename", le.servicesLeaseName(), leaseNamespace);
    KubevipProperties.Services svc = p.services();
    ServiceWatchSettings watchSettings = ServiceWatchSettings.defaults().withServiceNamespace(svc.namespace())
        .withClassHandling(svc.lbClassOnly(), svc.lbClassName(), svc.lbClassLegacyHandling());
    KubernetesClusterWatch watch = kubernetes.clusterWatch(watchSettings);
    KubernetesServiceStatus status = kubernetes.serviceStatus(settings.self());
    KubernetesNodeLiveness liveness = kubernetes.nodeLiveness(leaseNamespace, settings.self(), timing);
    KubernetesLeaderElection election = kubernetes.leaderElection(s.nodeName(), timing, Clock.systemUTC());
    boolean ipam = svc.builtinIpam() == null || svc.builtinIpam();
    if (!ipam) {
      LoggerFactory.getLogger(ServicesConfiguration.class).info("kubevip_builtin_ipam=false: addresses come from"
          + " another allocator (kube-vip-cloud-provider); this node only announces them");
    }
    ServiceAddressAllocator allocator = new ServiceAddressAllocator(status, ipam, le.retryPeriod(), Clock.systemUTC());
    VipAnnouncer announcer = VipAnnouncer.l2(dataPlane.announcer());
    PlanExecutor plans = new PlanExecutor(dataPlane.addresses(), announcer, meters);
    Duration debounce = svc.debounceTime() == null || svc.debounceTime().isZero() ? DEFAULT_DEBOUNCE
        : svc.debounceTime();
    ServicesNode.Timing nodeTiming = new ServicesNode.Timing(debounce, le.retryPeriod(),
        ArpRate.effective(p.arp().rate()));
    return new ServicesNode(settings, lease, watch, liveness, election, status, allocator, plans, announcer, meters,
        nodeTiming, Clock.systemUTC(), vip -> subnets.getObject().interfaceFor(vip), dataPlane.monitor());
  }

  @Bean
  ServicesLifecycles.Campaign servicesCampaign(ServicesNode node) {
    return new ServicesLifecycles.Campaign(node);
  }

  @Bean
  ServicesLifecycles.Serving servicesServing(ServicesNode node) {
    return new ServicesLifecycles.Serving(node);
  }

  @Bean
  ServicesHealthIndicator servicesHealthIndicator(ServicesNode node) {
    return new ServicesHealthIndicator(node);
  }
}
