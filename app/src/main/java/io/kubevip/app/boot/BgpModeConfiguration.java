// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.adapter.arp.LinuxVipAddresses;
import io.kubevip.adapter.bgp.BgpPeerConfig;
import io.kubevip.adapter.bgp.BgpSpeaker;
import io.kubevip.adapter.bgp.TransportOpener;
import io.kubevip.adapter.kubernetes.KubernetesAdapter;
import io.kubevip.adapter.kubernetes.client.KubeconfigLocator;
import io.kubevip.app.bgp.BgpControlPlane;
import io.kubevip.app.bgp.BgpControlPlaneLifecycles;
import io.kubevip.app.controlplane.LeaderLabelling;
import io.kubevip.domain.node.NodeId;
import io.kubevip.ports.out.NodeLabelsPort;
import io.kubevip.app.bgp.BgpDataPlane;
import io.kubevip.app.bgp.BgpHealthIndicator;
import io.kubevip.app.bgp.BgpMeters;
import io.kubevip.app.bgp.BgpSpeakerInputs;
import io.kubevip.app.bgp.BgpTranslation;
import io.kubevip.app.bgp.NamespacedTransports;
import io.kubevip.app.config.DataPlaneMode;
import io.kubevip.app.controlplane.ApiHealthCheck;
import io.kubevip.app.controlplane.ControlPlaneMeters;
import io.kubevip.app.settings.KubevipSettings;
import io.kubevip.domain.lease.LeaseName;
import io.kubevip.domain.lease.LeaseTiming;
import io.kubevip.domain.node.InterfaceName;
import io.kubevip.linux.NetNamespace;
import io.kubevip.ports.out.BgpAdvertisementPort;
import io.kubevip.ports.out.LeaderElectionPort;
import io.kubevip.ports.out.VipAddressPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * BGP mode ({@code bgp_enable}): THE place where the BGP adapter plugs into the manager. One speaker per process,
 * exposed as the {@link BgpAdvertisementPort} bean, its metrics and the {@code bgp} health contributor; with
 * {@code cp_enable} the control-plane VIP over BGP. Services ({@code svc_enable}, {@link ServicesConfiguration}) use
 * the same {@link BgpDataPlane}: one speaker, one address socket. Sessions and VIP addresses live in the
 * process's network namespace, or in {@code kubevip_netns} when set (sockets created and bound there). The data
 * plane is lazy, so a test that supplies its own {@code @Primary} {@link BgpDataPlane} never opens a socket.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bgp")
public class BgpModeConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(BgpModeConfiguration.class);

  @Bean
  ModeMarker bgpModeMarker() {
    return new ModeMarker(DataPlaneMode.BGP);
  }

  @Bean(destroyMethod = "close")
  @Lazy
  BgpDataPlane linuxBgpDataPlane(KubevipSettings s, KubevipProperties p) {
    String name = p.networkNamespace();
    NetNamespace ns = name == null || name.isBlank() ? null : NetNamespace.named(name.trim());
    NamespacedTransports inNs = ns == null ? null : new NamespacedTransports(ns);
    Function<String, List<InetAddress>> interfaces = inNs == null ? NamespacedTransports::addressesOf
        : inNs::interfaceAddresses;
    TransportOpener opener = inNs == null ? TransportOpener.DEFAULT : inNs;
    BgpSpeakerInputs in = inputs(p.bgp());
    Inet4Address routerId = BgpTranslation.routerId(s.bgp(), in, interfaces);
    List<BgpPeerConfig> peers = BgpTranslation.peers(s.bgp(), in, interfaces);
    LOG.info("BGP speaker AS{} router ID {}{}: peers {}", s.bgp().localAs(), routerId.getHostAddress(),
        ns == null ? "" : " in network namespace " + ns.name() + " (kubevip_netns)",
        peers.stream().map(BgpPeerConfig::describe).toList());
    BgpSpeaker speaker = new BgpSpeaker(BgpTranslation.speaker(s.bgp(), routerId), peers, opener).start();
    LinuxVipAddresses addresses = ns == null ? LinuxVipAddresses.open(p.vip().skipDad(),
        p.vip().loInterfaceGlobalScope()) : LinuxVipAddresses.openIn(ns, p.vip().skipDad());
    return new BgpDataPlane(addresses, speaker, speaker::status, () -> {
      speaker.close();
      addresses.close();
      if (ns != null) {
        ns.close();
      }
    });
  }

  static BgpSpeakerInputs inputs(KubevipProperties.Bgp b) {
    return new BgpSpeakerInputs(orNull(b.routerInterface()), orNull(b.sourceIp()), orNull(b.sourceIf()),
        orNull(b.mpbgpNexthop()), orNull(b.mpbgpIpv4()), orNull(b.mpbgpIpv6()));
  }

  /** The one advertisement port of this process (control plane and Services). */
  @Bean
  BgpAdvertisementPort bgpAdvertisementPort(BgpDataPlane dataPlane) {
    return dataPlane.routes();
  }

  /** Unregisters the scrape-time session collector when the context closes. */
  record BgpMetersRegistration(PrometheusRegistry registry, Collector sessionInfo) implements AutoCloseable {
    @Override
    public void close() {
      registry.unregister(sessionInfo);
    }
  }

  @Bean(destroyMethod = "close")
  BgpMetersRegistration bgpMeters(MeterRegistry meters, PrometheusRegistry registry, BgpDataPlane dataPlane) {
    BgpMeters.register(meters, dataPlane.sessions());
    Collector sessionInfo = BgpMeters.sessionInfo(dataPlane.sessions());
    registry.register(sessionInfo);
    return new BgpMetersRegistration(registry, sessionInfo);
  }

  /** Health contributor {@code bgp}: per-peer details, not part of readiness. */
  @Bean
  BgpHealthIndicator bgpHealthIndicator(BgpDataPlane dataPlane) {
    return new BgpHealthIndicator(dataPlane.sessions(), dataPlane.routes()::advertised);
  }

  private static String orNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The control-plane VIP over BGP ({@code cp_enable}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("kubevip.control-plane.enabled")
  static class ControlPlaneOverBgp {
    /** BGP mode's default VIP interface: the route brings the traffic, the address only has to be local. */
    static final String DEFAULT_INTERFACE = "lo";

    /** Only connected when {@code vip_leaderelection} is on: ECMP needs no Kubernetes API. */
    @Bean(destroyMethod = "close")
    @Lazy
    KubernetesAdapter kubernetesAdapter(KubevipProperties p) {
      String file = p.kubernetes().configFile();
      String explicit = file == null || file.equals(KubeconfigLocator.ADMIN_CONF.toString()) ? "" : file;
      return KubernetesAdapter.connect(explicit, p.kubernetes().address(), p.controlPlane().port(), System.getenv());
    }

    @Bean
    BgpControlPlane.Settings bgpControlPlaneSettings(KubevipSettings s) {
      LeaseName lease = LeaseName.parse("vip_leasename", s.leaderElection().leaseName(),
          ControlPlaneConfiguration.leaseNamespace(ControlPlaneConfiguration.SERVICE_ACCOUNT_NAMESPACE,
              s.leaderElection().namespace()));
      String iface = s.vip().interfaceName() != null ? s.vip().interfaceName() : DEFAULT_INTERFACE;
      return new BgpControlPlane.Settings(lease, s.nodeName(), s.vip().addresses(), InterfaceName.of(iface),
          s.leaderElection().enabled());
    }

    @Bean
    BgpControlPlane bgpControlPlane(BgpControlPlane.Settings settings, KubevipSettings s,
        ObjectProvider<KubernetesAdapter> kubernetes, BgpDataPlane dataPlane, MeterRegistry registry,
        ObjectProvider<NodeLabelsPort> nodeLabels) {
      // kube_vip_is_leader{lease_name=vip_leasename} only when there is a lease; ECMP nodes have no leader.
      LeaderElectionPort election = settings.elected() ? ControlPlaneMeters.metered(kubernetes.getObject()
          .leaderElection(s.nodeName(), new LeaseTiming(s.leaderElection().leaseDuration(),
              s.leaderElection().renewDeadline(), s.leaderElection().retryPeriod()), Clock.systemUTC()), registry,
          s.nodeName()) : NO_ELECTION;
      if (settings.elected()) { // kube-vip.io/has-ip on the leader (enable_node_labeling)
        election = LeaderLabelling.wrap(election, nodeLabels.getObject(), NodeId.of(s.nodeName()), settings.vips(),
            s.leaderElection().retryPeriod());
      }
      VipAddressPort addresses = dataPlane.addresses();
      // With Services on, their controller owns (and cleans up) every other tagged address on the interface.
      return new BgpControlPlane(settings, election, addresses, dataPlane.routes(), s.services());
    }

    @Bean
    BgpControlPlaneLifecycles.Campaign bgpControlPlaneCampaign(BgpControlPlane node, BgpControlPlane.Settings settings,
        ObjectProvider<KubernetesAdapter> kubernetes, KubevipProperties p) {
      return new BgpControlPlaneLifecycles.Campaign(node, () -> settings.elected() && holdsValidLease(
          kubernetes.getObject(), settings), () -> healthCheck(p.controlPlane().healthCheck(), node));
    }

    @Bean
    BgpControlPlaneLifecycles.Serving bgpControlPlaneServing(BgpControlPlane node) {
      return new BgpControlPlaneLifecycles.Serving(node);
    }

    // If the Lease cannot be read the VIPs are removed: another node may hold it, and re-adding is cheap.
    private static boolean holdsValidLease(KubernetesAdapter kubernetes, BgpControlPlane.Settings settings) {
      try {
        return kubernetes.holdsValidLease(settings.lease(), settings.identity(), Clock.systemUTC());
      } catch (RuntimeException e) {
        LOG.warn("could not read the lease {} at start-up; removing leftover VIPs: {}", settings.lease(),
            e.getMessage());
        return false;
      }
    }

    private static ApiHealthCheck healthCheck(KubevipProperties.HealthCheck hc, BgpControlPlane node) {
      if (hc == null || hc.address() == null || hc.address().isBlank()) {
        return null;
      }
      URI address = URI.create(hc.address().trim());
      Path ca = hc.caPath() == null || hc.caPath().isBlank() ? null : Path.of(hc.caPath());
      LOG.info("checking the local API server at {} every {} (timeout {}, {} failures withdraw the route)", address,
          hc.period(), hc.timeout(), hc.failureThreshold());
      return new ApiHealthCheck(ApiHealthCheck.http(address, hc.timeout(), ca), hc.period(), hc.failureThreshold(),
          node.apiHealthListener());
    }

    /** ECMP: every node advertises, nothing is elected. */
    static final LeaderElectionPort NO_ELECTION = new LeaderElectionPort() {
      @Override
      public void run(LeaseName lease, io.kubevip.ports.out.LeadershipCallbacks callbacks) {
        throw new IllegalStateException("vip_leaderelection=false: no election runs in BGP mode");
      }

      @Override
      public void release(LeaseName lease) {
        // nothing held
      }
    };
  }
}
