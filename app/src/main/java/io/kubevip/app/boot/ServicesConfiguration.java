// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.arp.LinuxInterfaceSubnets;
import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.adapter.kubernetes.client.KubeconfigLocator;
import io.kubevip.adapter.kubernetes.liveness.KubernetesNodeLiveness;
import io.kubevip.adapter.kubernetes.services.KubernetesClusterWatch;
import io.kubevip.adapter.kubernetes.services.KubernetesServiceStatus;
import io.kubevip.adapter.kubernetes.services.ServiceWatchSettings;
import io.kubevip.app.bgp.BgpDataPlane;
import io.kubevip.app.config.ArpRate;
import io.kubevip.app.controlplane.ControlPlaneMeters;
import io.kubevip.app.controlplane.ControlPlaneNode;
import io.kubevip.app.controlplane.InterfaceMonitor;
import io.kubevip.ports.out.InterfaceSubnetsPort;
import io.kubevip.app.services.ServicesMeters;
import io.kubevip.app.services.ServicesNode;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.address.VipAddress;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.ports.out.VipAddressPort;
import io.kubevip.ports.service.PlanExecutor;
import io.kubevip.ports.service.ServiceAnnouncement;
import io.kubevip.ports.service.ServiceAddressAllocator;
import io.kubevip.ports.service.ServicesSettings;
import io.kubevip.ports.service.VipAnnouncer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * LoadBalancer Services ({@code svc_enable}) in ARP or BGP mode: the cluster watch, Service status, one liveness Lease
 * per node, the {@code svc_leasename} election (one allocator cluster-wide, in every election mode), the allocator,
 * the controller over the mode's data plane ({@link Network}: the ARP data plane of
 * {@link ArpDataPlaneConfiguration}, or the one BGP speaker and address socket of {@link BgpModeConfiguration},
 * shared with the BGP control plane), two lifecycle phases and a readiness indicator. The Kubernetes connection is
 * the control plane's when {@code cp_enable} is on.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"arp", "bgp"})
@ConditionalOnBooleanProperty("kubevip.services.enabled")
public class ServicesConfiguration {
  /** BGP mode's default interface for Service VIPs: the route brings the traffic, the address only has to be local. */
  static final String BGP_DEFAULT_INTERFACE = "lo";

  /**
   * What the mode gives the Services use case.
   *
   * @param addresses VIPs on interfaces
   * @param announcer how an Announce/Withdraw reaches the network
   * @param announcement one owner per VIP (ARP; BGP with {@code svc_election}) or every eligible node (BGP ECMP)
   * @param defaultInterface the interface when {@code vip_interface} is unset
   * @param subnets which interface's subnet holds a VIP ({@code auto} interfaces)
   * @param monitor reports announced VIPs removed behind our back, so they are repaired at once
   */
  record Network(VipAddressPort addresses, VipAnnouncer announcer, ServiceAnnouncement announcement,
      Supplier<String> defaultInterface, InterfaceSubnetsPort subnets, InterfaceMonitor monitor) {}

  @Configuration(proxyBeanMethods = false)
  @Profile("arp")
  static class OverArp {
    @Bean
    Network servicesNetwork(ArpDataPlane dataPlane, ObjectProvider<LinuxInterfaceSubnets> subnets) {
      return new Network(dataPlane.addresses(), VipAnnouncer.l2(dataPlane.announcer()),
          ServiceAnnouncement.SINGLE_OWNER, () -> DefaultRouteInterface.find(DefaultRouteInterface.PROC_NET_ROUTE)
              .orElseThrow(() -> new IllegalStateException("vip_interface is not set and there is no IPv4 default"
                  + " route to take the interface from; expected vip_interface, e.g. eth0")),
          lazily(subnets), dataPlane.monitor());
    }

    /** The netlink socket is opened on the first {@code auto} question only (most clusters never ask). */
    private static InterfaceSubnetsPort lazily(ObjectProvider<LinuxInterfaceSubnets> subnets) {
      return new InterfaceSubnetsPort() {
        @Override
        public java.util.Optional<io.kubevip.domain.node.InterfaceName> interfaceFor(VipAddress vip) {
          return subnets.getObject().interfaceFor(vip);
        }

        @Override
        public InterfaceSubnetsPort snapshot() {
          return subnets.getObject().snapshot();
        }
      };
    }

    /** Opened on the first {@code auto} question only, in {@code kubevip_netns} when set; closed with the context. */
    @Bean(destroyMethod = "close")
    @Lazy
    LinuxInterfaceSubnets linuxInterfaceSubnets(ArpDataPlaneConfiguration.DataPlaneNamespace ns) {
      return ns.namespace().map(LinuxInterfaceSubnets::openIn).orElseGet(LinuxInterfaceSubnets::open);
    }
  }

  /** The speaker of {@link BgpModeConfiguration}: one per process, also serving the control-plane VIP. */
  @Configuration(proxyBeanMethods = false)
  @Profile("bgp")
  static class OverBgp {
    @Bean
    Network servicesNetwork(BgpDataPlane dataPlane, KubevipSettings s) {
      ServiceAnnouncement announcement = s.leaderElection().servicesElection() ? ServiceAnnouncement.SINGLE_OWNER
          : ServiceAnnouncement.EVERY_ELIGIBLE_NODE;
      LoggerFactory.getLogger(ServicesConfiguration.class).info("Services over BGP: {}", announcement
          == ServiceAnnouncement.EVERY_ELIGIBLE_NODE ? "every eligible node advertises each VIP (ECMP; svc_election=false)"
          : "the placed owner advertises each VIP (svc_election=true)");
      // auto interfaces have no meaning for a routed VIP on lo; a deleted address is put back by the next pass
      return new Network(dataPlane.addresses(), VipAnnouncer.bgp(dataPlane.routes()), announcement,
          () -> BGP_DEFAULT_INTERFACE, InterfaceSubnetsPort.NONE, InterfaceMonitor.NONE);
    }
  }
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
  ServicesSettings servicesSettings(KubevipSettings s, Network network) {
    String iface = s.vip().interfaceName() != null ? s.vip().interfaceName() : network.defaultInterface().get();
    String servicesIface = s.vip().servicesInterfaceName();
    if ("auto".equals(servicesIface)) {
      LoggerFactory.getLogger(ServicesConfiguration.class).info("vip_servicesinterface=auto: each Service VIP goes on"
          + " the interface whose subnet holds it, else on vip_interface {}", iface);
    }
    Optional<VipAddress> cpVip = s.controlPlane() ? s.vip().addresses().stream().findFirst() : Optional.empty();
    List<VipAddress> cpVips = s.controlPlane() ? s.vip().addresses() : List.of(); // dual-stack: both
    return new ServicesSettings(NodeId.of(s.nodeName()), InterfaceName.of(iface),
        Optional.ofNullable(servicesIface).map(InterfaceName::of), s.leaderElection().servicesElection(), cpVip,
        cpVips, network.announcement());
  }

  @Bean
  ServicesMeters servicesMeters(MeterRegistry registry, KubevipSettings s) {
    return new ServicesMeters(registry, s.nodeName());
  }

  @Bean
  ServicesNode servicesNode(KubernetesAdapter kubernetes, KubevipSettings s, KubevipProperties p,
      ServicesSettings settings, Network network, ServicesMeters meters, MeterRegistry registry,
      ObjectProvider<ControlPlaneNode> controlPlane, NodeLabelsPort nodeLabels) {
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
    LeaderElectionPort election = ControlPlaneMeters.metered(kubernetes.leaderElection(s.nodeName(), timing,
        Clock.systemUTC()), registry, s.nodeName());
    boolean ipam = svc.builtinIpam() == null || svc.builtinIpam();
    if (!ipam) {
      LoggerFactory.getLogger(ServicesConfiguration.class).info("kubevip_builtin_ipam=false: addresses come from"
          + " another allocator (kube-vip-cloud-provider); this node only announces them");
    }
    ServiceAddressAllocator allocator = new ServiceAddressAllocator(status, ipam, le.retryPeriod(), Clock.systemUTC(),
        ServiceAddressAllocator.DEFAULT_MAX_PER_PASS, allocationWriters());
    VipAnnouncer announcer = network.announcer();
    PlanExecutor plans = new PlanExecutor(network.addresses(), announcer, meters);
    Duration debounce = svc.debounceTime() == null || svc.debounceTime().isZero() ? DEFAULT_DEBOUNCE
        : svc.debounceTime();
    ServicesNode.Timing nodeTiming = new ServicesNode.Timing(debounce, le.retryPeriod(),
        ArpRate.effective(p.arp().rate()));
    return new ServicesNode(settings, lease, watch, liveness, election, status, allocator, plans, announcer, meters,
        nodeTiming, Clock.systemUTC(), network.subnets(), network.monitor()).labelling(nodeLabels);
  }

  /**
   * The allocator's writes of one pass go out together on these threads (daemon: an allocation in flight at exit is
   * redone by the next holder, the Service being the only state). Idle threads end after 30 s.
   */
  private static java.util.concurrent.Executor allocationWriters() {
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(ALLOCATION_WRITERS,
        ALLOCATION_WRITERS, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "kubevip-allocation-write");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Allocation writes in flight at once: enough to overlap round trips, few enough not to flood the API server. */
  static final int ALLOCATION_WRITERS = 8;

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
